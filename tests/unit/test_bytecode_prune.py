"""`bytecode.prune`: the content-keyed cache stays bounded by age and count.

Every session start calls it on the user's cache, so it must delete exactly what the bounds
say, leave files it did not write alone, and never fail a session over a missing directory.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from storyville.collect import bytecode

DAY = 86400.0


def entry(cache: Path, name: str, age: float, suffix: str = ".code") -> Path:
    """A cache file whose mtime is `age` seconds ago (prune orders and expires by mtime)."""
    path = cache / f"{name}{suffix}"
    path.write_bytes(b"\0" * 64)
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))
    return path


def names(cache: Path) -> set[str]:
    return {p.name for p in cache.iterdir()}


@pytest.mark.parametrize(
    ("ages", "expected_gone"),
    [
        ([1.0, 29 * DAY, 31 * DAY, 400 * DAY], {"2", "3"}),
        ([31 * DAY, 32 * DAY], {"0", "1"}),
        ([0.0, 10 * DAY], set()),
    ],
    ids=["mixed", "all-stale", "all-fresh"],
)
def test_entries_older_than_max_age_go(
    tmp_path: Path, ages: list[float], expected_gone: set[str]
) -> None:
    for i, age in enumerate(ages):
        entry(tmp_path, str(i), age)
    removed = bytecode.prune(tmp_path, keep=100, max_age=30 * DAY)
    assert removed == len(expected_gone)
    assert names(tmp_path) == {f"{i}.code" for i in range(len(ages))} - {
        f"{n}.code" for n in expected_gone
    }


@pytest.mark.parametrize(("count", "keep"), [(10, 3), (10, 10), (10, 0), (3, 5)])
def test_oldest_beyond_keep_go_and_newest_stay(tmp_path: Path, count: int, keep: int) -> None:
    for i in range(count):  # entry i is i minutes old: 0 is the newest
        entry(tmp_path, f"{i:02}", age=60.0 * i)
    removed = bytecode.prune(tmp_path, keep=keep, max_age=30 * DAY)
    assert removed == max(count - keep, 0)
    assert names(tmp_path) == {f"{i:02}.code" for i in range(min(count, keep))}


def test_count_bound_applies_after_the_age_bound(tmp_path: Path) -> None:
    """Stale entries do not use up `keep`: the newest fresh ones survive, not the oldest."""
    for i in range(4):
        entry(tmp_path, f"fresh{i}", age=60.0 * (i + 1))
    for i in range(3):
        entry(tmp_path, f"stale{i}", age=40 * DAY + i)
    assert bytecode.prune(tmp_path, keep=2, max_age=30 * DAY) == 5
    assert names(tmp_path) == {"fresh0.code", "fresh1.code"}


@pytest.mark.parametrize("other", [".pyc", ".code.bak", ""])
def test_non_code_files_are_left_alone(tmp_path: Path, other: str) -> None:
    """Anything that is not a cache entry is not the cache's to drop."""
    bystander = entry(tmp_path, ".abc", age=400 * DAY, suffix=other)
    old = entry(tmp_path, "old", age=400 * DAY)
    assert bytecode.prune(tmp_path, keep=0, max_age=30 * DAY) == 1
    assert bystander.exists()
    assert not old.exists()


@pytest.mark.parametrize("where", ["missing", "missing/nested"])
def test_missing_cache_dir_returns_zero(tmp_path: Path, where: str) -> None:
    """A first session ever has no cache yet; starting it must not fail or create one."""
    cache = tmp_path / where
    assert bytecode.prune(cache) == 0
    assert not cache.exists()


def test_empty_cache_dir_returns_zero(tmp_path: Path) -> None:
    assert bytecode.prune(tmp_path) == 0


def test_second_prune_finds_nothing(tmp_path: Path) -> None:
    """The return value counts deletions, not entries seen: a bounded cache reports 0."""
    for i in range(6):
        entry(tmp_path, str(i), age=60.0 * i)
    entry(tmp_path, "stale", age=31 * DAY)
    assert bytecode.prune(tmp_path, keep=4) == 3
    assert bytecode.prune(tmp_path, keep=4) == 0
    assert len(names(tmp_path)) == 4


@pytest.mark.parametrize(("age", "kept"), [(3600, True), (2 * DAY, False)])
def test_temporary_files_go_after_a_day(tmp_path: Path, age: float, kept: bool) -> None:
    """A `.tmp` may be another session's write in progress; one a day old was interrupted."""
    temporary = entry(tmp_path, ".abc", age=age, suffix=".tmp")
    assert bytecode.prune(tmp_path) == 0
    assert temporary.exists() is kept
