"""What `bytecode.prune` adds to a session start, for caches of 0 to 10,000 entries.

`DevSession` prunes the content-keyed bytecode cache once per start, so its cost is paid
before the first build. Each size is a temporary cache of `.code` files of 2–8 KiB with
mtimes spread over the last 20 days (none past `max_age`); 10,000 entries is twice the
default `keep`, so half go and the directory is rebuilt, untimed, before each run. The
baseline in the same run is a plain `os.scandir` listing of the same directory: the ratio is
what stat, sort and unlink cost on top of reading it. The OS caches are warm, as they are
after the builds that wrote the entries. Usage: python -m benchmarks.bytecode_prune [-n 11]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

from storyville.collect import bytecode

from benchmarks.stats import median, p95, table

SIZES = (0, 1000, 5000, 10_000)
DAY = 86400.0


def layout(count: int, seed: int) -> list[tuple[str, bytes, float]]:
    """Names, contents and ages of a cache, the same for every rebuild of that size."""
    rng = random.Random(seed + count)
    return [
        (
            hashlib.blake2b(i.to_bytes(8), digest_size=20).hexdigest() + ".code",
            rng.randbytes(rng.randint(2048, 8192)),
            rng.uniform(0, 20 * DAY),
        )
        for i in range(count)
    ]


def build_cache(cache: Path, entries: list[tuple[str, bytes, float]]) -> None:
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    now = time.time()
    for name, data, age in entries:
        path = cache / name
        path.write_bytes(data)
        os.utime(path, (now - age, now - age))


def listing(cache: Path) -> int:
    """The least any pruning must do: read the directory once."""
    with os.scandir(cache) as it:
        return len([e.name for e in it])


def measure(cache: Path, count: int, runs: int, seed: int) -> tuple[list[float], list[float], int]:
    """Prune and listing seconds per run, and how many entries each prune deleted."""
    entries = layout(count, seed)
    build_cache(cache, entries)
    prunes: list[float] = []
    lists: list[float] = []
    deleted: set[int] = set()
    for run in range(runs + 1):  # run 0 is a warm-up
        if count > 5000:  # the last prune deleted half: start from the full cache again
            build_cache(cache, entries)
        started = time.perf_counter()
        seen = listing(cache)
        listed = time.perf_counter() - started
        started = time.perf_counter()
        gone = bytecode.prune(cache)
        pruned = time.perf_counter() - started
        assert seen == count, (seen, count)
        if run:
            lists.append(listed)
            prunes.append(pruned)
            deleted.add(gone)
    if len(deleted) != 1:
        raise SystemExit(f"{count} entries: prune deleted {sorted(deleted)} across runs")
    return prunes, lists, deleted.pop()


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("-n", "--runs", type=int, default=11)
    args.add_argument("--dir", type=Path, default=None, help="parent of the temporary cache")
    args.add_argument("--seed", type=int, default=0)
    options = args.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(dir=options.dir) as scratch:
        for count in SIZES:
            cache = Path(scratch) / f"cache-{count}"
            prunes, lists, deleted = measure(cache, count, options.runs, options.seed)
            ratio = median(prunes) / median(lists)
            rows.append(
                [
                    f"{count:,}",
                    f"{deleted:,}",
                    f"{median(prunes) * 1000:.2f}",
                    f"{p95(prunes) * 1000:.2f}",
                    f"{median(lists) * 1000:.2f}",
                    f"{ratio:.1f}x",
                ]
            )
    print(
        f"bytecode.prune(keep=5000, max_age=30 days) at session start, {options.runs} runs "
        "each (plus one warm-up), warm OS caches\n"
    )
    print(
        table(
            ["entries", "deleted", "prune median ms", "p95 ms", "listing median ms", "ratio"],
            rows,
        )
    )


if __name__ == "__main__":
    main()
