"""`storyville serve PACKAGE`: build, serve the preview, rebuild on change, reload browsers."""

from __future__ import annotations

import asyncio
import logging
import shutil
import signal
import sys
import tempfile
import webbrowser
from dataclasses import dataclass
from pathlib import Path

from storyville.catalog.discovery import find_stories_modules, package_dir
from storyville.devloop.protocols import CatalogSession
from storyville.devloop.rebuilder import Rebuilder
from storyville.devloop.watch import Watcher
from storyville.host.protocol import HostConfig
from storyville.preview.server import PortUnavailable, PreviewServer
from storyville.results import BuildResult
from storyville.supervisor.session import HostSession


@dataclass(frozen=True, slots=True)
class ServeOptions:
    package: str
    search_path: tuple[str, ...]
    host: str = "127.0.0.1"
    port: int = 8080
    use_subinterpreters: bool = True
    output: Path | None = None
    time_limit: float = 30.0
    memory_limit: int | None = 4 * 2**30
    with_assertions: bool = True
    open_browser: bool = False
    verbose: bool = False


def say(message: str) -> None:
    print(f"storyville: {message}", file=sys.stderr, flush=True)


def report(result: BuildResult, cwd: str) -> None:
    for line in result.output.splitlines():
        print(f"  | {line}", file=sys.stderr, flush=True)
    if result.ok and result.mode != "none":  # once per build that made the site as it is
        for warning in result.warnings:
            print(warning.headline(relative_to=cwd), file=sys.stderr, flush=True)
    for error in result.errors:
        print(error.headline(relative_to=cwd), file=sys.stderr, flush=True)
    if result.ok:
        if result.mode != "none":
            say(f"{result.summary()} [{result.mode}]")
    else:
        say(f"{result.summary()}; the preview keeps the last good build")


def serve(options: ServeOptions) -> int:
    logging.basicConfig(
        level=logging.INFO if options.verbose else logging.WARNING,
        format="%(asctime)s %(name)s: %(message)s",
    )
    # Fail early and clearly on a wrong package, before binding or building.
    find_stories_modules(options.package, package_dir(options.package, options.search_path))
    site = options.output or Path(tempfile.mkdtemp(prefix="storyville-site-"))
    config = HostConfig(
        options.package,
        options.search_path,
        options.search_path,
        site,
        use_subinterpreters=options.use_subinterpreters,
        time_limit=options.time_limit,
        memory_limit=options.memory_limit,
        with_assertions=options.with_assertions,
        private_output=options.output is None,
    )
    try:
        session = HostSession(
            config,
            on_output=lambda line: print(f"  | {line}", file=sys.stderr, flush=True),
            on_notice=say,
        )
        return asyncio.run(run(options, site, session))
    except PortUnavailable as exc:
        say(f"error: {exc}")
        return 1
    finally:
        if options.output is None:
            shutil.rmtree(site, ignore_errors=True)


async def run(options: ServeOptions, site: Path, session: CatalogSession) -> int:
    """The serve loop: watch, rebuild in `session`, publish, reload; until SIGINT/SIGTERM."""
    cwd = str(Path.cwd())
    server = PreviewServer(site, host=options.host, port=options.port)
    await session.start()
    server.errors = lambda: session.error_headlines(relative_to=cwd)
    rebuilder = Rebuilder(session)

    def changed(paths: set[str]) -> None:
        session.resume()  # without an editor, every change is a save
        rebuilder.request(paths)

    watcher = Watcher(changed, ignore=(site,))

    async def published(result: BuildResult) -> None:
        report(result, cwd)
        errors = [] if result.ok else [e.brief(cwd) for e in result.errors]
        await server.hub.build_finished(result.pages_changed, session.builds, errors)
        await watcher.update(session.watched_dirs())

    rebuilder.listeners.append(published)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        rebuilder.start()
        await watcher.update(session.watched_dirs())  # before building: no edit is missed
        rebuilder.request()
        await rebuilder.idle()  # the first build, and any edit made while it ran
        await server.start()
        how = (
            "a fresh subinterpreter per build"
            if options.use_subinterpreters
            else "a fresh process per build"
        )
        say(f"serving {options.package} at {server.url} ({how}; Ctrl+C to stop)")
        if options.open_browser:
            webbrowser.open(server.url)
        await stop.wait()
    finally:
        say("stopping")
        await watcher.stop()
        await rebuilder.stop()
        await server.stop()
        await session.close()
    return 0
