"""Cold `storyville build examples.huge` as a whole process: wall time, peak RSS, site size.

Runs storyville and, as the baseline in the same run, Storyville 0.1.1 (benchmarks/
baseline_env.sh installs it beside the project). Usage: python -m benchmarks.cold_build [-n 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.stats import median, p95, table

REPO = Path(__file__).resolve().parent.parent


def run_once(command: list[str], output: Path, cwd: Path = REPO) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one build process.

    `cwd` is the workspace the package is resolved from.
    """
    shutil.rmtree(output, ignore_errors=True)
    os.sync()  # the last run's deletions are not this run's disk traffic
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


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("-n", "--runs", type=int, default=7)
    args.add_argument("--package", default="examples.huge")
    args.add_argument("--no-baseline", action="store_true")
    options = args.parse_args()
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
