"""A stories.py without a factory is skipped, and the skip survives partial builds."""

from __future__ import annotations

from storyville.collect.snapshot import NodeData, NodeKind, Snapshot
from storyville.results import BuildResult
from storyville.site.pipeline import skipped_files


def _node(path: str) -> NodeData:
    return NodeData(path, NodeKind.SECTION, path.title(), f"cat.{path}.stories", f"/{path}.py")


def test_summary_names_the_skipped_files() -> None:
    result = BuildResult(ok=True, stories=2, skipped=("helpers/stories.py",))
    assert result.summary().endswith("; skipped 1 stories.py without a factory: helpers/stories.py")
    assert "skipped" not in BuildResult(ok=True).summary()


def test_skipped_files_are_paths_in_the_package() -> None:
    snapshot = Snapshot("cat", skipped=("forms.inputs", "misc"))
    assert skipped_files(snapshot) == ("forms/inputs/stories.py", "misc/stories.py")


def test_a_partial_build_keeps_skips_it_did_not_reload() -> None:
    old = Snapshot("cat", {"a": _node("a")}, skipped=("b",))
    assert old.merged(Snapshot("cat", {"a": _node("a")})).skipped == ("b",)


def test_a_module_that_gains_a_factory_is_no_longer_skipped() -> None:
    old = Snapshot("cat", {"a": _node("a")}, skipped=("b",))
    merged = old.merged(Snapshot("cat", {"b": _node("b")}))
    assert merged.skipped == ()
    assert set(merged.nodes) == {"a", "b"}


def test_a_module_that_loses_its_factory_leaves_the_tree() -> None:
    old = Snapshot("cat", {"a": _node("a"), "b": _node("b")})
    merged = old.merged(Snapshot("cat", skipped=("b",)))
    assert merged.skipped == ("b",)
    assert set(merged.nodes) == {"a"}
