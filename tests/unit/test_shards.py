"""Splitting a full build over interpreters, and merging what they collected."""

from __future__ import annotations

from pathlib import Path

import pytest
from storyville.catalog.discovery import StoriesModule
from storyville.catalog.source import SourceRef
from storyville.collect import shards
from storyville.collect.collector import BuildJob, Collected
from storyville.collect.imports import ImportGraph
from storyville.collect.shards import merge, shard_jobs, split
from storyville.collect.snapshot import NodeData, NodeKind, Snapshot
from storyville.results import BuildError, ErrorKind, one_per_cause


def modules(tmp_path: Path, sizes: list[int]) -> list[StoriesModule]:
    found = [StoriesModule("", "cat.stories", str(tmp_path / "stories.py"))]
    (tmp_path / "stories.py").write_text("x")
    for index, size in enumerate(sizes):
        file = tmp_path / f"m{index:02}.py"
        file.write_text("#" * size)
        found.append(StoriesModule(f"m{index:02}", f"cat.m{index:02}.stories", str(file)))
    return found


def test_split_is_contiguous_balanced_and_leaves_the_root_to_every_shard(tmp_path: Path) -> None:
    found = modules(tmp_path, [100] * 20)
    parts = split(found, 2, min_per_shard=8)
    assert parts == [
        tuple(f"cat.m{i:02}.stories" for i in range(10)),
        tuple(f"cat.m{i:02}.stories" for i in range(10, 20)),
    ]
    assert split(found, 2, min_per_shard=8) == parts  # deterministic


def test_split_weighs_modules_by_size(tmp_path: Path) -> None:
    found = modules(tmp_path, [5000, *[100] * 15])
    first, second = split(found, 2, min_per_shard=1)
    assert first == ("cat.m00.stories",) or len(first) < len(second)
    assert sorted((*first, *second)) == [m.module for m in found[1:]]


@pytest.mark.parametrize(("count", "modules_below_root", "expected"), [(2, 15, 1), (4, 40, 4)])
def test_split_uses_fewer_interpreters_for_small_catalogs(
    tmp_path: Path, count: int, modules_below_root: int, expected: int
) -> None:
    parts = split(modules(tmp_path, [10] * modules_below_root), count, min_per_shard=8)
    assert len(parts) == min(expected, modules_below_root // 8 or 1)


def test_shard_jobs_load_a_part_each_and_only_the_first_prints_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shards, "MIN_PER_SHARD", 8)
    found = modules(tmp_path, [10] * 16)
    job = BuildJob("cat", (str(tmp_path),), (str(tmp_path),))
    jobs = shard_jobs(job, found, 2)
    assert [j.root_output for j in jobs] == [True, False]
    assert all(j.known == tuple(found) for j in jobs)
    assert shard_jobs(job, found[:12], 2) == [job]  # too small to split: the job itself


def node(path: str, kind: NodeKind = NodeKind.SUBJECT) -> NodeData:
    return NodeData(path, kind, path or "Cat", f"cat.{path}.stories", f"/ws/{path}/stories.py")


def failed_story(story: str) -> BuildError:
    here = SourceRef("/ws/shared.py", 3, 4)
    return BuildError(
        ErrorKind.EXCEPTION,
        f"NameError: nope (while rendering {story})",
        here,
        "NameError",
        story=story,
    )


def test_merge_is_what_one_interpreter_collects(tmp_path: Path) -> None:
    found = modules(tmp_path, [10] * 4)
    root = node("", NodeKind.CATALOG)
    first = Collected(
        Snapshot("cat", {"": root, "m00": node("m00")}, skipped=("m01",)),
        graph=ImportGraph({"a": "/ws/a.py"}, {"a": frozenset({"b"})}),
        libraries=("tdom",),
        timings={"read": 0.2, "render": 0.1},
        output="root\none\n",
    )
    second = Collected(
        Snapshot("cat", {"m03": node("m03"), "": root, "m02": node("m02")}),
        graph=ImportGraph({"c": "/ws/c.py"}, {"c": frozenset()}),
        libraries=("markupsafe", "tdom"),
        timings={"read": 0.3, "render": 0.05},
        output="two\n",
    )
    merged = merge("cat", found, [first, second])
    assert list(merged.snapshot.nodes) == ["", "m00", "m02", "m03"]  # discovery order
    assert merged.snapshot.skipped == ("m01",)
    assert merged.graph == ImportGraph(
        {"a": "/ws/a.py", "c": "/ws/c.py"}, {"a": frozenset({"b"}), "c": frozenset()}
    )
    assert merged.libraries == ("markupsafe", "tdom")
    assert merged.timings == {"read": 0.3, "render": 0.1}
    assert merged.output == "root\none\ntwo\n"
    assert merged.stories_modules == tuple(m.module for m in found)
    assert merged.errors == ()


def test_merge_joins_one_cause_met_in_two_shards_and_checks_the_whole_tree(tmp_path: Path) -> None:
    found = modules(tmp_path, [10] * 4)
    root = node("", NodeKind.CATALOG)
    first = Collected(
        Snapshot("cat", {"": root}),
        errors=one_per_cause([failed_story("A › One"), failed_story("A › Two")]),
    )
    second = Collected(Snapshot("cat", {"": root}), errors=(failed_story("B › One"),))
    merged = merge("cat", found, [first, second])
    assert [e.message for e in merged.errors] == [
        "NameError: nope (while rendering A › One, A › Two, B › One)"
    ]
    assert merged.errors == one_per_cause(
        [failed_story("A › One"), failed_story("A › Two"), failed_story("B › One")]
    )
    # a tree only the merge sees whole: a section inside a subject
    nested = [
        Collected(Snapshot("cat", {"": root, "m00": node("m00")})),
        Collected(Snapshot("cat", {"": root, "m00.inner": node("m00.inner", NodeKind.SECTION)})),
    ]
    (error,) = merge("cat", found, nested).errors
    assert error.kind is ErrorKind.STRUCTURE and "cannot contain other nodes" in error.message
