"""`storyville build | serve | seed | lsp`: bad input gets one clear line, never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from pathlib import Path


def _seconds(text: str) -> float:
    """A positive number of seconds, or argparse's one-line usage error."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value


def _count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return count


def _size(text: str) -> int | None:
    """`4G`, `512M`, `0` (no limit): bytes, or argparse's one-line usage error."""
    units = {"k": 2**10, "m": 2**20, "g": 2**30}
    number, unit = text.strip().lower().rstrip("ib"), 1
    if number and number[-1] in units:
        number, unit = number[:-1], units[number[-1]]
    try:
        value = float(number) * unit
    except ValueError:
        value = -1.0
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 4G or 512M")
    return int(value) or None


def _search_path() -> tuple[str, ...]:
    return (str(Path.cwd()),)


class UsageError(Exception):
    """Wrong or missing arguments found after parsing: one line, exit status 2."""


def configured_package(directory: Path) -> str:
    """`package` of `[tool.storyville]` in the directory's pyproject.toml: what a bare
    `storyville serve` serves (Storyville 0.1 served a default package instead)."""
    pyproject = directory / "pyproject.toml"
    missing = (
        "no PACKAGE given and no pyproject.toml here names one "
        '(add [tool.storyville] package = "your_catalog")'
    )
    try:
        config = tomllib.loads(pyproject.read_text("utf-8"))
    except FileNotFoundError:
        raise UsageError(missing) from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read {pyproject}: {exc}") from None
    tool = config.get("tool", {}).get("storyville", {})
    package = tool.get("package") if isinstance(tool, dict) else None
    if not isinstance(package, str) or not package:
        raise UsageError(missing)
    return package


def _build(args: argparse.Namespace) -> int:
    from storyville.site.pipeline import build

    output = Path(args.output_dir)
    result = build(
        args.package,
        output,
        search_path=_search_path(),
        with_assertions=args.with_assertions,
        strict=args.strict,
        interpreters=args.interpreters,
    )
    cwd = str(Path.cwd())
    if result.output:
        sys.stderr.write(result.output if result.output.endswith("\n") else result.output + "\n")
    for problem in (*result.warnings, *result.errors):
        print(problem.headline(relative_to=cwd), file=sys.stderr)
    if not result.ok:
        count = len(result.errors)
        print(
            f"storyville: build failed with {count} error{'s' * (count != 1)}; "
            f"{output} was left as it was",
            file=sys.stderr,
        )
        return 1
    print(f"{result.summary()} → {output}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from storyville.serve.command import ServeOptions, serve

    if args.output and args.output_dir and Path(args.output) != Path(args.output_dir):
        raise UsageError(f"two output directories: {args.output_dir} and --output {args.output}")
    output = args.output or args.output_dir  # Storyville 0.1: `serve PACKAGE OUTPUT_DIR`
    return serve(
        ServeOptions(
            package=args.package or configured_package(Path.cwd()),
            search_path=_search_path(),
            host=args.host,
            port=args.port,
            use_subinterpreters=args.use_subinterpreters,
            output=Path(output) if output else None,
            time_limit=args.time_limit,
            memory_limit=args.memory_limit,
            with_assertions=args.with_assertions,
            open_browser=args.open,
            verbose=args.verbose,
        )
    )


def _seed(args: argparse.Namespace) -> int:
    from storyville.seed import SeedError, seed

    destination = Path(args.directory)
    try:
        stories = seed(args.size, destination)
    except SeedError as exc:
        raise UsageError(str(exc)) from None
    package = destination.name
    where = f"cd {destination.parent} && " if destination.parent != Path() else ""
    print(
        f"wrote a {args.size} catalog of {stories} stories to {destination}; next:\n"
        f"  {where}storyville serve {package}\n"
        f"  {where}storyville build {package} {package}_site\n"
        f"  {where}pytest {package}"
    )
    return 0


def _lsp(args: argparse.Namespace) -> int:
    from storyville.lsp.server import run

    return run(tcp=args.tcp)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="storyville",
        description="A story-based component catalog for tdom, with hot reload in the editor.",
    )
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build the catalog into a static site")
    build.add_argument("package", metavar="PACKAGE", help="dotted package name, e.g. examples.huge")
    build.add_argument("output_dir", metavar="OUTPUT_DIR", help="directory to write the site into")
    build.add_argument(
        "--with-assertions",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="run story assertions and show their badges (default: on)",
    )
    build.add_argument(
        "--strict", action="store_true", help="fail the build when a story assertion fails"
    )
    build.add_argument(
        "--interpreters",
        type=_count,
        default=None,
        metavar="N",
        help="split a big catalog over N subinterpreters building at once (default: one a "
        "core); 1 builds it in this process",
    )
    build.set_defaults(run=_build)

    serve = commands.add_parser(
        "serve", help="serve the catalog, rebuilding and reloading on change"
    )
    serve.add_argument(
        "package",
        metavar="PACKAGE",
        nargs="?",
        help="dotted package name (default: [tool.storyville] package in ./pyproject.toml)",
    )
    serve.add_argument(
        "output_dir", metavar="OUTPUT_DIR", nargs="?", help="the same as --output DIR"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    serve.add_argument(
        "--port", type=int, default=8080, help="port; 0 picks a free one (default: 8080)"
    )
    serve.add_argument(
        "--use-subinterpreters",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="build each change in a fresh subinterpreter (default: on); off: in a fresh "
        "process, for C extensions that cannot load in a subinterpreter",
    )
    serve.add_argument(
        "--output", help="also keep the site in this directory (default: a temporary one)"
    )
    serve.add_argument(
        "--time-limit",
        type=_seconds,
        default=30.0,
        help="seconds a build may run before it is reported as timed out (default: 30)",
    )
    serve.add_argument(
        "--memory-limit",
        type=_size,
        default=4 * 2**30,
        metavar="SIZE",
        help="memory a build may use, e.g. 4G or 512M; 0 for no limit (default: 4G)",
    )
    serve.add_argument(
        "--with-assertions",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="run story assertions and show their badges (default: on)",
    )
    serve.add_argument("--open", action="store_true", help="open the preview in a browser")
    serve.add_argument(
        "-v", "--verbose", action="store_true", help="log builds, interpreters and reloads"
    )
    serve.set_defaults(run=_serve)

    seed = commands.add_parser("seed", help="write a starter catalog to build, test and serve")
    seed.add_argument("size", choices=("small", "medium", "large"), help="how many stories")
    seed.add_argument(
        "directory", metavar="DIR", help="new directory; its name is the package name"
    )
    seed.set_defaults(run=_seed)

    lsp = commands.add_parser("lsp", help="run the language server on stdio")
    lsp.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead (for debugging)")
    lsp.set_defaults(run=_lsp)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from storyville.catalog.discovery import CatalogNotFound
    from storyville.site.writer import OutputError

    try:
        return args.run(args)
    except (CatalogNotFound, UsageError) as exc:
        print(f"storyville: error: {exc}", file=sys.stderr)
        return 2
    except OutputError as exc:
        print(f"storyville: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("STORYVILLE_DEBUG"):
            raise
        print(
            f"storyville: internal error: {type(exc).__name__}: {exc} "
            "(set STORYVILLE_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return 70


if __name__ == "__main__":
    raise SystemExit(main())
