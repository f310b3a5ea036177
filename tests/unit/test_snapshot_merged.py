"""A merged snapshot answers `children_of` and its totals as a snapshot built whole would,
index and totals carried or not."""

from __future__ import annotations

from dataclasses import replace

from storyville.collect.snapshot import AssertionOutcome, NodeData, NodeKind, Snapshot, StoryData


def node(path: str, title: str = "") -> NodeData:
    kind = NodeKind.CATALOG if not path else NodeKind.SECTION
    return NodeData(path, kind, title or path, f"shop.{path}.stories", f"/ws/{path}/stories.py")


def tree(snapshot: Snapshot) -> dict[str, list[tuple[str, str]]]:
    return {p: [(c.path, c.title) for c in snapshot.children_of(p)] for p in sorted(snapshot.nodes)}


def whole(snapshot: Snapshot) -> Snapshot:
    return Snapshot(snapshot.package, dict(snapshot.nodes), snapshot.skipped)


BASE = Snapshot("shop", {p: node(p) for p in ("", "a", "a.x", "a.y", "a.y.deep", "b", "b.z")})


def test_a_save_replaces_the_node_in_its_parents_list() -> None:
    BASE.children_of("")  # the index exists, as it does after a site was rendered
    merged = BASE.merged(Snapshot("shop", {"a.y": node("a.y", "Renamed"), "b.z": node("b.z", "Z")}))
    assert tree(merged) == tree(whole(merged))
    assert ("a.y", "Renamed") in tree(merged)["a"]
    assert tree(BASE)["a"] == [("a.x", "a.x"), ("a.y", "a.y")]  # the old snapshot is untouched


def test_a_new_or_skipped_node_builds_the_index_again() -> None:
    BASE.children_of("")
    added = BASE.merged(Snapshot("shop", {"a.w": node("a.w")}))
    assert tree(added) == tree(whole(added))
    assert [c.path for c in added.children_of("a")] == ["a.w", "a.x", "a.y"]
    skipped = BASE.merged(Snapshot("shop", {}, skipped=("a.y",)))
    assert tree(skipped) == tree(whole(skipped))
    assert [c.path for c in skipped.children_of("a")] == ["a.x", "a.y.deep"]


def with_stories(path: str, *passed: bool) -> NodeData:
    stories = tuple(
        StoryData(i, f"S{i}", "<p></p>", assertions=(AssertionOutcome("a", ok),))
        for i, ok in enumerate(passed)
    )
    return replace(node(path), kind=NodeKind.SUBJECT, stories=stories)


def test_a_save_carries_the_totals_from_the_nodes_it_replaced() -> None:
    """Stories and assertion outcomes of the catalog after a save: the old totals less the
    replaced nodes plus their new selves, as counting the merged catalog again gives."""
    base = Snapshot("shop", {"": node(""), "a": with_stories("a", True, False), "b": node("b")})
    base.children_of("")
    assert base.totals() == (2, 1, 1)
    merged = base.merged(Snapshot("shop", {"a": with_stories("a", True, True, True)}))
    assert merged.totals() == (3, 3, 0) == whole(merged).totals()
    added = merged.merged(Snapshot("shop", {"c": with_stories("c", False)}))  # index rebuilt
    assert added.totals() == (4, 3, 1) == whole(added).totals()
