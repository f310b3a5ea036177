"""A merged snapshot answers `children_of` as a snapshot built whole would, index carried or not."""

from __future__ import annotations

from storyville.collect.snapshot import NodeData, NodeKind, Snapshot


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
