"""Cold `storyville build examples.huge` as a whole process: wall time, peak RSS, site size.

Runs storyville and, as the baseline in the same run, Storyville 0.1.1 (benchmarks/
baseline_env.sh installs it beside the project). Usage: python -m benchmarks.cold_build [-n 7]

`--split` instead compares one build interpreter (`--interpreters 1`, in the process) with
the build split over one subinterpreter a core (the default), taking turns in the same run,
for examples.huge (300 stories) and a generated 3,000-story catalog (benchmarks/
scale_catalog.py); both sites are checked to be byte-identical.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.scale_catalog import Shape, write_catalog
from benchmarks.stats import median, p95, table

REPO = Path(__file__).resolve().parent.parent


_SET_ASIDE: list[Path] = []


def _set_aside(output: Path) -> None:
    """Move the last run's site out of the way; all are deleted when the benchmark ends.

    Deleting it here would time the kernel instead of the build: for minutes after
    thousands of files are deleted, ext4 skips their inodes one by one on each new file
    (`recently_deleted` in its inode allocator, most of the system time in `perf`), which
    made a 3,000-story build's writes 5-10 times slower than into a fresh directory.
    """
    if not output.exists():
        return
    aside = output.parent / f".{output.name}.{len(_SET_ASIDE)}.old"
    shutil.rmtree(aside, ignore_errors=True)  # left by an interrupted run
    output.rename(aside)
    if not _SET_ASIDE:
        atexit.register(_delete_set_aside)
    _SET_ASIDE.append(aside)


def _delete_set_aside() -> None:
    for aside in _SET_ASIDE:
        shutil.rmtree(aside, ignore_errors=True)


def run_once(command: list[str], output: Path, cwd: Path = REPO) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one build process.

    `cwd` is the workspace the package is resolved from.
    """
    _set_aside(output)
    os.sync()  # the last run's writes are not this run's disk traffic
    started = time.perf_counter()
    # Storyville 0.1.1 does not resolve packages from the current directory by itself.
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    # A user's second build finds .pyc files; a shell that disables them would time compile().
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    process = subprocess.Popen(
        [*command, str(output)],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def site_size(output: Path) -> tuple[int, int]:
    files = [p for p in output.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), sum(1 for p in files if p.suffix == ".html")


def same_sites(one: Path, other: Path) -> bool:
    def files(site: Path) -> dict[str, bytes]:
        return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}

    return files(one) == files(other)


# The collect phase alone (import + render the catalog), in a fresh process: what the split
# changes, without the page rendering and disk writes that follow it in both builds.
_COLLECT = """
import json, sys, time
from storyville.collect.collector import BuildJob, collect
from storyville.collect.shards import useful_interpreters
from storyville.pool.pool import InterpreterPool
package, count = sys.argv[1], int(sys.argv[2])
job = BuildJob(package, (".",), (".",))
started = time.perf_counter()
if count == 1:
    collected = collect(job)
else:
    parallel = useful_interpreters(package, (".",), count)
    pool = InterpreterPool(
        time_limit=3600, prewarm_libraries=False, parallel=parallel, keep_standby=False
    )
    pool.start()
    collected = pool.build(job)
seconds = time.perf_counter() - started
assert not collected.errors, collected.errors
print(json.dumps([seconds, len(collected.snapshot.stories)]))
if count > 1:
    pool.close()
"""


def collect_once(package: str, count: int, workspace: Path) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _COLLECT, package, str(count)],
        cwd=workspace,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(workspace)},
    )
    return json.loads(done.stdout.splitlines()[-1])[0]


def _spin() -> int:
    total = 0
    for i in range(3_000_000):
        total += i
    return total


def free_cores_ratio() -> float:
    """Two CPU-bound subinterpreters at once over one alone: 1.0 when two cores are free,
    2.0 when the machine's other work leaves the build one."""
    from concurrent import interpreters

    pair = [interpreters.create() for _ in range(2)]
    try:
        started = time.perf_counter()
        pair[0].call(_spin)
        alone = time.perf_counter() - started
        started = time.perf_counter()
        threads = [threading.Thread(target=i.call, args=(_spin,)) for i in pair]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return (time.perf_counter() - started) / alone
    finally:
        for interpreter in pair:
            interpreter.close()


def compare_split(runs: int) -> None:
    storyville = str(Path(sys.executable).parent / "storyville")
    parallel = os.process_cpu_count() or 1
    rows = []
    ratios: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        generated = Path(scratch) / "catalog-3000"
        generated.mkdir()
        stories = write_catalog(generated, "scale_catalog", Shape(3000))
        catalogs = [("examples.huge", 300, REPO), ("scale_catalog", stories, generated)]
        for package, count, workspace in catalogs:
            variants = {
                "1 interpreter": [storyville, "build", package, "--interpreters", "1"],
                f"{parallel} interpreters": [
                    *(storyville, "build", package),
                    *("--interpreters", str(parallel)),
                ],
            }
            outputs = {name: Path(scratch) / f"{package}-{i}" for i, name in enumerate(variants)}
            for name, command in variants.items():  # warm-up: OS file cache and .pyc files
                run_once(command, outputs[name], workspace)
            measured: dict[str, list[tuple[float, float, float]]] = {n: [] for n in variants}
            for _ in range(runs):  # taking turns: the machine's load drifts, both see it
                ratios.append(free_cores_ratio())
                for name, command in variants.items():
                    measured[name].append(run_once(command, outputs[name], workspace))
            identical = same_sites(*outputs.values())
            collects: dict[str, list[float]] = {n: [] for n in variants}
            for _ in range(runs):
                for size, name in zip((1, parallel), variants, strict=True):
                    collects[name].append(collect_once(package, size, workspace))
            base = median([w for w, _, _ in measured["1 interpreter"]])
            for name, results in measured.items():
                walls = [w for w, _, _ in results]
                rows.append(
                    [
                        f"{count:,} stories",
                        name,
                        f"{median(walls) * 1000:.0f} ms",
                        f"{min(walls) * 1000:.0f} ms",
                        f"{median(collects[name]) * 1000:.0f} ms",
                        f"{min(collects[name]) * 1000:.0f} ms",
                        f"{p95(walls) * 1000:.0f} ms",
                        f"{base / median(walls):.2f}x",
                        f"{median([c for _, c, _ in results]) * 1000:.0f} ms",
                        f"{max(r for *_, r in results):.0f} MB",
                        "yes" if identical else "NO",
                    ]
                )
    print(f"cold `storyville build`, {runs} runs each (plus one warm-up), taking turns\n")
    shown = ", ".join(f"{r:.2f}" for r in ratios)
    print(f"two CPU-bound interpreters at once took {shown} x one's time (1.00: 2 free cores)\n")
    print(
        table(
            [
                "catalog",
                "build",
                "median wall",
                "min wall",
                "collect median",
                "collect min",
                "p95 wall",
                "speed-up",
                "median CPU",
                "peak RSS",
                "same site",
            ],
            rows,
        )
    )


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("-n", "--runs", type=int, default=7)
    args.add_argument("--package", default="examples.huge")
    args.add_argument("--no-baseline", action="store_true")
    args.add_argument("--split", action="store_true", help="one interpreter vs one a core")
    options = args.parse_args()
    if options.split:
        compare_split(options.runs)
        return
    tools = {
        "storyville": [str(Path(sys.executable).parent / "storyville"), "build", options.package]
    }
    if not options.no_baseline:
        bin_dir = subprocess.run(
            [str(REPO / "benchmarks/baseline_env.sh")], check=True, capture_output=True, text=True
        ).stdout.strip()
        tools["Storyville 0.1.1"] = [f"{bin_dir}/storyville", "build", options.package]
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        outputs = {name: Path(scratch) / name.replace(" ", "-") for name in tools}
        for name, command in tools.items():
            run_once(command, outputs[name])  # warm the OS file cache and .pyc files first
        runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in tools}
        for _ in range(options.runs):  # taking turns: a VM's disk drifts, both tools see it
            for name, command in tools.items():
                runs[name].append(run_once(command, outputs[name]))
        for name, measured in runs.items():
            walls = [w for w, _, _ in measured]
            cpu = median([c for _, c, _ in measured])
            size, pages = site_size(outputs[name])
            results[name] = (
                median(walls),
                p95(walls),
                cpu,
                max(r for *_, r in measured),
                size,
                pages,
            )
    base = results.get("Storyville 0.1.1")
    rows = []
    for name, (wall, tail, cpu, rss, size, pages) in results.items():
        ratio = (
            f"{base[0] / wall:.2f}x faster" if base and name != "Storyville 0.1.1" else "baseline"
        )
        rows.append(
            [
                name,
                f"{wall * 1000:.0f} ms",
                f"{tail * 1000:.0f} ms",
                ratio,
                f"{cpu * 1000:.0f} ms",
                f"{rss:.0f} MB",
                f"{size / 1e6:.2f} MB",
                pages,
            ]
        )
    print(f"cold build of {options.package}, {options.runs} runs each (plus one warm-up)\n")
    print(
        table(
            [
                "tool",
                "median wall",
                "p95 wall",
                "vs 0.1.1",
                "median CPU",
                "peak RSS",
                "site size",
                "pages",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
