"""How storyville grows with the catalog: 300, 3,000, 10,000 generated stories in one run.

For each size a catalog is generated (benchmarks/scale_catalog.py: 10 sections, 3 stories a
subject) into a temporary workspace, and measured there:

- cold `storyville build` as a whole process (benchmarks/cold_build.py's `run_once`), split
  over one subinterpreter a core, and beside it, taking turns, the one-interpreter build
  (`--interpreters 1`: one interpreter collects, renders and writes everything);
- `storyville serve` (benchmarks/serve_variant.py, as benchmarks/hot_reload.py starts it):
  time to its first "serving" line (start-up plus the first full build), the server's RSS
  with its build host right after, and from a file write to the WebSocket reload message
  for story-title edits and component-markup edits (hot_reload's `measure`);
- the same story edits through `serve --no-use-subinterpreters` (fresh-process mode: every
  save a full build in one interpreter, a new host each time), rebuilding without the import
  graph, as the baseline in the same run;
- with `--rebuilds N`, the server's RSS after 100 warm-up rebuilds and after N more;
- `pytest` with storyville's plugin collecting and running the story assertions of the
  `--pytest-size` catalog, in one process and, with pytest-xdist, with `-n 2`.

Ratios are against the smallest size. Usage:
python -m benchmarks.scale [--sizes 300,3000,10000] [--edits 10] [--rebuilds 200]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.cold_build import run_once
from benchmarks.hot_reload import component_edits, measure, start, story_edits
from benchmarks.scale_catalog import KINDS, Shape, write_catalog
from benchmarks.stats import median, p95, table

PACKAGE = "scale_catalog"
STORYVILLE = str(Path(sys.executable).parent / "storyville")


@dataclass
class Row:
    stories: int
    cold: list[float]
    cold_one: list[float]  # `storyville build --interpreters 1`
    ready: float  # serve: start to the "serving" line
    rss: float  # MB, server and build host, after the first build
    story: list[float]
    component: list[float]
    stale: int
    fresh_process: list[float]
    rss_growth: tuple[float, float] | None = None  # after warm-up, after --rebuilds more
    pytest: PytestTimes | None = None


def workspace_for(stories: int, scratch: Path) -> Path:
    workspace = scratch / f"catalog-{stories}"
    workspace.mkdir()
    write_catalog(workspace, PACKAGE, Shape(stories))
    (workspace / "pytest.ini").write_text(
        "[pytest]\nasyncio_default_fixture_loop_scope = function\n"
    )
    return workspace


def cold_builds(workspace: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall seconds of `storyville build` (split over one subinterpreter a core) and of
    `storyville build --interpreters 1` (one interpreter), taking turns."""
    output = workspace.parent / f"{workspace.name}-site"
    commands = (
        [STORYVILLE, "build", PACKAGE],
        [STORYVILLE, "build", "--interpreters", "1", PACKAGE],
    )
    walls: tuple[list[float], list[float]] = ([], [])
    for command in commands:
        run_once(command, output, workspace)  # warm-up: OS file cache and .pyc files
    for _ in range(runs):
        for command, measured in zip(commands, walls, strict=True):
            measured.append(run_once(command, output, workspace)[0])
    return walls


async def serve_edits(
    workspace: Path, edits: int, rebuilds: int, settle: float
) -> tuple[float, float, list[float], list[float], int, tuple[float, float] | None]:
    catalog = PACKAGE.replace(".", "/")
    started = time.perf_counter()
    server = start("storyville", workspace, PACKAGE)
    ready = time.perf_counter() - started
    try:
        rss = server.rss_mb()
        story, stale_s = await measure(
            server, story_edits(workspace, catalog), edits, settle=settle
        )
        component, stale_c = await measure(
            server, component_edits(workspace, catalog), edits, settle=settle
        )
        growth = None
        if rebuilds:  # as hot_reload: RSS settles over the first ~100 rebuilds
            await measure(server, component_edits(workspace, catalog), 100, 0.05, settle)
            warm = server.rss_mb()
            await measure(server, component_edits(workspace, catalog), rebuilds, 0.05, settle)
            growth = (warm, server.rss_mb())
        return ready, rss, story, component, stale_s + stale_c, growth
    finally:
        server.stop()


async def fresh_process_edits(workspace: Path, edits: int, settle: float) -> list[float]:
    server = start("storyville-fresh-process", workspace, PACKAGE)
    try:
        story, _ = await measure(server, story_edits(workspace, PACKAGE), edits, settle=settle)
        return story
    finally:
        server.stop()


@dataclass(frozen=True, slots=True)
class PytestTimes:
    collect: float
    plain: float
    parallel: float | None  # None: pytest-xdist is not installed
    items: int
    empty: tuple[float, float] | None  # the same number of empty tests: pytest, -n 2


def pytest_times(workspace: Path, runs: int) -> PytestTimes:
    """Median wall seconds of `pytest --collect-only`, `pytest` and `pytest -n 2` on the
    catalog, and how many items they ran; beside them, as the baseline, `pytest` and
    `pytest -n 2` on as many empty tests: what xdist costs where there is nothing to share."""

    def run(*extra: str, target: str = PACKAGE) -> tuple[float, str]:
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra]
        # A user's second run finds .pyc files (cold_build's reason to drop this too).
        env = {**os.environ, "PYTHONPATH": str(workspace)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        started = time.perf_counter()
        done = subprocess.run(
            [*command, target], cwd=workspace, capture_output=True, text=True, env=env, check=False
        )
        wall = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-3000:]}{done.stderr}")
        return wall, done.stdout

    run("--collect-only")  # warm-up: writes the catalog's .pyc files
    collect = median([run("--collect-only")[0] for _ in range(runs)])
    walls, out = [], ""
    for _ in range(runs):
        wall, out = run()
        walls.append(wall)
    plain = median(walls)
    passed = re.search(r"(\d+) passed", out)
    parallel = None
    try:
        import xdist  # noqa: F401  # pyright: ignore[reportUnusedImport]
    except ImportError:
        print("pytest-xdist is not installed: no -n 2 run", file=sys.stderr)
    else:
        walls, out_n = [], ""
        for _ in range(runs):
            wall, out_n = run("-n", "2")
            walls.append(wall)
        parallel = median(walls)
        passed_n = re.search(r"(\d+) passed", out_n)
        if not passed or not passed_n or passed_n.group(1) != passed.group(1):
            raise SystemExit(f"pytest -n 2 ran other items than pytest:\n{out}\n{out_n}")
    items = int(passed.group(1)) if passed else 0
    empty = None
    if parallel is not None and items:
        tests = workspace / "test_empty.py"
        tests.write_text(
            f"import pytest\n\n\n@pytest.mark.parametrize('n', range({items}))\n"
            "def test_nothing(n: int) -> None:\n    pass\n"
        )
        run(target=tests.name)  # its .pyc
        empty_walls: tuple[list[float], list[float]] = ([], [])
        for _ in range(runs):
            for extra, walls in zip(((), ("-n", "2")), empty_walls, strict=True):
                walls.append(run(*extra, target=tests.name)[0])
        empty = (median(empty_walls[0]), median(empty_walls[1]))
        tests.unlink()
    return PytestTimes(collect, plain, parallel, items, empty)


def measure_size(stories: int, scratch: Path, args: argparse.Namespace) -> Row:
    workspace = workspace_for(stories, scratch)
    cold, cold_one = cold_builds(workspace, args.runs)
    # Restoring the edited files rebuilds them: leave time for it at any size.
    settle = max(2.0, 2 * median(cold))
    print(f"{stories} stories: cold build {median(cold):.2f} s; serving", file=sys.stderr)
    ready, rss, story, component, stale, growth = asyncio.run(
        serve_edits(workspace, args.edits, args.rebuilds, settle)
    )
    fresh = (
        asyncio.run(fresh_process_edits(workspace, args.baseline_edits, settle))
        if args.baseline_edits
        else []
    )
    row = Row(stories, cold, cold_one, ready, rss, story, component, stale, fresh, growth)
    if stories == args.pytest_size:
        print(f"{stories} stories: pytest", file=sys.stderr)
        row.pytest = pytest_times(workspace, args.pytest_runs)
    return row


def ms(seconds: float) -> str:
    return "-" if math.isnan(seconds) else f"{seconds * 1000:.0f}"  # NaN: not measured


def ratio(value: float, base: float) -> str:
    return "-" if math.isnan(value) or math.isnan(base) else f"{value / base:.2f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="300,3000,10000", help="stories, comma-separated")
    parser.add_argument("--edits", type=int, default=10, help="story and component saves each")
    parser.add_argument("-n", "--runs", type=int, default=5, help="cold builds per size")
    parser.add_argument(
        "--baseline-edits", type=int, default=5, help="saves in fresh-process mode (0: none)"
    )
    parser.add_argument(
        "--rebuilds", type=int, default=0, help="RSS growth over this many rebuilds (slow)"
    )
    parser.add_argument("--pytest-size", type=int, default=3000, help="0: no pytest run")
    parser.add_argument("--pytest-runs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="storyville-scale-") as scratch:
        rows = [measure_size(size, Path(scratch), args) for size in sizes]
    base = rows[0]
    # On a shared machine the load says how far to trust the absolute numbers.
    print(f"load average (1 min): {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    print(
        f"catalogs of {', '.join(f'{s:,}' for s in sizes)} stories (10 sections, 3 stories a "
        f"subject, components drawn from {len(KINDS)} kinds); cold build: {args.runs} runs "
        f"after a warm-up; save → reload: {args.edits} story and {args.edits} component "
        f"saves through `storyville serve`, {args.baseline_edits} story saves in fresh-process "
        "mode (ms)\n"
    )
    print(
        table(
            [
                "stories",
                "cold build median",
                "p95",
                "one-interpreter build median",
                "serve ready",
                "story save median",
                "p95",
                "component save median",
                "p95",
                "fresh-process save median",
                "RSS MB",
                "stale pages",
            ],
            [
                [
                    f"{r.stories:,}",
                    ms(median(r.cold)),
                    ms(p95(r.cold)),
                    ms(median(r.cold_one)),
                    ms(r.ready),
                    ms(median(r.story)),
                    ms(p95(r.story)),
                    ms(median(r.component)),
                    ms(p95(r.component)),
                    ms(median(r.fresh_process)),
                    f"{r.rss:.0f}",
                    f"{r.stale}/{len(r.story) + len(r.component)}",
                ]
                for r in rows
            ],
        )
    )
    print(f"\ngrowth against {base.stories:,} stories (medians)\n")
    print(
        table(
            [
                "stories",
                "stories ratio",
                "cold build",
                "one-interpreter build",
                "story save",
                "component save",
                "fresh-process save",
                "RSS",
            ],
            [
                [
                    f"{r.stories:,}",
                    ratio(r.stories, base.stories),
                    ratio(median(r.cold), median(base.cold)),
                    ratio(median(r.cold_one), median(base.cold_one)),
                    ratio(median(r.story), median(base.story)),
                    ratio(median(r.component), median(base.component)),
                    ratio(median(r.fresh_process), median(base.fresh_process)),
                    ratio(r.rss, base.rss),
                ]
                for r in rows
            ],
        )
    )
    if args.rebuilds:
        print(f"\nserver RSS over {args.rebuilds} component saves after 100 warm-up saves\n")
        print(
            table(
                ["stories", "after the first build", "after warm-up", "after", "growth"],
                [
                    [
                        f"{r.stories:,}",
                        f"{r.rss:.1f} MB",
                        f"{r.rss_growth[0]:.1f} MB",
                        f"{r.rss_growth[1]:.1f} MB",
                        f"{(r.rss_growth[1] - r.rss_growth[0]) / r.rss_growth[0] * 100:+.1f} %",
                    ]
                    for r in rows
                    if r.rss_growth
                ],
            )
        )
    for r in rows:
        if not (times := r.pytest):
            continue
        print(
            f"\npytest on {r.stories:,} stories ({times.items:,} assertion items, median of "
            f"{args.pytest_runs} runs; baseline: as many empty tests)\n"
        )
        pytest_rows = [
            ["pytest --collect-only", f"{times.collect:.2f} s", ratio(times.collect, times.plain)],
            ["pytest", f"{times.plain:.2f} s", "1.00x"],
        ]
        if times.parallel is not None:
            pytest_rows.append(
                [
                    "pytest -n 2 (pytest-xdist)",
                    f"{times.parallel:.2f} s",
                    ratio(times.parallel, times.plain),
                ]
            )
        if times.empty:
            alone, shared = times.empty
            pytest_rows += [
                ["baseline: pytest, empty tests", f"{alone:.2f} s", "1.00x"],
                ["baseline: pytest -n 2, empty tests", f"{shared:.2f} s", ratio(shared, alone)],
            ]
        print(table(["run", "wall", "vs the same tests serially"], pytest_rows))


if __name__ == "__main__":
    main()
