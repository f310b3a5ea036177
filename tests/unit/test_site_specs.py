"""The site a renderer works out from the last snapshot is the site a fresh one renders.

SiteSpecs re-specs only the nodes a partial build replaced, their ancestors and
descendants: each edit below (the kinds a save makes) is rendered by one renderer kept
across the edits and by a new one, and the two sites must be byte for byte the same.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from storyville.collect.snapshot import AssertionOutcome, NodeData, NodeKind, Snapshot, StoryData
from storyville.site.renderer import SiteRenderer
from storyville.site.writer import MANIFEST, OutputError, SiteWriter


def story(index: int, title: str, *, passed: bool = True) -> StoryData:
    outcome = AssertionOutcome("says_hello", passed, None if passed else "no hello")
    return StoryData(index, title, f"<p>{title}</p>", assertions=(outcome,))


def node(kind: NodeKind, path: str, title: str, root: Path, **fields: object) -> NodeData:
    file = str(root / "shop" / path.replace(".", "/") / "stories.py")
    return NodeData(path, kind, title, f"shop.{path}.stories", file, **fields)  # type: ignore[arg-type]


def subject(path: str, title: str, root: Path, stories: int = 2) -> NodeData:
    made = tuple(story(i, f"{title} {i}") for i in range(stories))
    return node(NodeKind.SUBJECT, path, title, root, stories=made)


def section(path: str, title: str, root: Path) -> NodeData:
    return node(NodeKind.SECTION, path, title, root, description=f"All about {title}")


def catalog(root: Path, snapshot_nodes: list[NodeData]) -> Snapshot:
    top = NodeData("", NodeKind.CATALOG, "Shop", "shop.stories", str(root / "shop/stories.py"))
    return Snapshot("shop", {"": top, **{n.path: n for n in snapshot_nodes}})


def with_node(snapshot: Snapshot, node: NodeData) -> Snapshot:
    return replace(snapshot, nodes={**snapshot.nodes, node.path: node})


def without(snapshot: Snapshot, path: str) -> Snapshot:
    return replace(snapshot, nodes={p: n for p, n in snapshot.nodes.items() if p != path})


@pytest.fixture
def base(tmp_path: Path) -> Snapshot:
    (tmp_path / "shop").mkdir()
    nodes = [
        section("forms", "Forms", tmp_path),
        subject("forms.button", "Button", tmp_path),
        subject("forms.input", "Input", tmp_path, 3),
        section("forms.fancy", "Fancy", tmp_path),
        subject("forms.fancy.slider", "Slider", tmp_path),
        section("layout", "Layout", tmp_path),
        subject("layout.card", "Card", tmp_path),
    ]
    return catalog(tmp_path, nodes)


def edits(base: Snapshot) -> list[tuple[str, Snapshot]]:
    """Each snapshot is the one before it with one change, as a save would make it."""
    nodes = base.nodes
    steps: list[tuple[str, Snapshot]] = []
    s = with_node(
        base, replace(nodes["forms.button"], stories=(story(0, "Retitled"), story(1, "B")))
    )
    steps.append(("a story's title", s))
    s = with_node(s, replace(s.nodes["forms.input"], stories=(story(0, "Broken", passed=False),)))
    steps.append(("a story fails and others go", s))
    s = with_node(s, replace(s.nodes["forms"], title="Form controls"))
    steps.append(("a section's title (every crumb below it)", s))
    root = Path(nodes[""].file).parent.parent
    s = with_node(s, subject("layout.grid", "Grid", root, 4))
    steps.append(("a subject added", s))
    s = without(s, "forms.fancy")
    steps.append(("a section removed (its subject hangs from its parent)", s))
    s = without(s, "layout.card")
    steps.append(("a subject removed", s))
    s = with_node(s, replace(s.nodes["forms.input"], stories=(story(0, "Fixed"),)))
    steps.append(("a failing story fixed", s))
    s = with_node(s, replace(s.nodes[""], title="Shop 2"))
    steps.append(("the catalog's title (every page)", s))
    s = with_node(s, s.nodes["forms.button"])
    steps.append(("nothing", s))
    return steps


def test_each_edit_renders_the_site_a_fresh_renderer_renders(base: Snapshot) -> None:
    kept = SiteRenderer()
    kept.render(base)
    for what, snapshot in edits(base):
        incremental = kept.render(snapshot)
        fresh = SiteRenderer().render(snapshot)
        assert sorted(incremental) == sorted(fresh), what
        differing = [name for name in fresh if incremental[name] != fresh[name]]
        assert differing == [], what


def test_the_renderer_says_which_files_are_new_or_gone(base: Snapshot) -> None:
    """What the site writer is told (`fresh`, `gone`) covers every file whose bytes differ
    from the last render, and every file no longer there."""
    kept = SiteRenderer()
    before = kept.render(base)
    assert sorted(kept.fresh) == sorted(before)
    for what, snapshot in edits(base):
        after = kept.render(snapshot)
        differing = {name for name, data in after.items() if before.get(name) != data}
        assert differing <= set(kept.fresh), what
        assert all(after[name] is before[name] for name in after.keys() - set(kept.fresh)), what
        assert kept.gone == before.keys() - after.keys(), what
        before = after


def test_a_story_edit_renders_only_what_shows_it(base: Snapshot) -> None:
    """New story titles: the subject's pages and the navigation script change; the rest of
    the catalog is not even rendered again."""
    kept = SiteRenderer()
    before = kept.render(base)
    edited = with_node(
        base, replace(base.nodes["forms.fancy.slider"], stories=(story(0, "New"), story(1, "Old")))
    )
    after = kept.render(edited)
    changed = sorted(name for name in after if after[name] != before.get(name))
    assert [n.rpartition("/")[2] if n.endswith(".js") else n for n in changed] == [
        "catalog.js",
        "forms/fancy/slider/0.html",
        "forms/fancy/slider/1.html",
        "forms/fancy/slider/index.html",
    ]
    assert kept.rendered == 3


def test_static_files_that_come_and_go_are_written_and_dropped(base: Snapshot) -> None:
    """A save patches the last output: a catalog static file added since is in it, and one
    deleted since is gone from it and named in `gone`, as a fresh render has it."""
    static = Path(base.nodes[""].file).parent / "forms" / "static"
    static.mkdir(parents=True)
    (static / "old.css").write_text("p { color: red }")
    kept = SiteRenderer()
    kept.render(base)
    (static / "old.css").unlink()
    (static / "new.css").write_text("p { color: blue }")
    edited = with_node(base, replace(base.nodes["layout.card"], title="Tile"))
    after = kept.render(edited)
    assert after == SiteRenderer().render(edited)
    assert "static/forms/static/new.css" in kept.fresh
    assert kept.gone == {"static/forms/static/old.css"}


def test_a_render_that_fails_leaves_the_next_one_whole(
    base: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page that raises half way through a patch: the next render starts afresh and is
    the site a fresh renderer makes, not a half-patched one."""
    from storyville.site import renderer

    kept = SiteRenderer()
    kept.render(base)
    real = renderer.render_page

    def broken(spec: object) -> bytes:
        raise RuntimeError("boom")

    edited = with_node(base, replace(base.nodes["layout.card"], title="Tile"))
    monkeypatch.setattr(renderer, "render_page", broken)
    with pytest.raises(RuntimeError):
        kept.render(edited)
    monkeypatch.setattr(renderer, "render_page", real)
    again = with_node(edited, replace(edited.nodes["forms.button"], title="Knob"))
    assert kept.render(again) == SiteRenderer().render(again)


def site_on_disk(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and p.name != MANIFEST
    }


def test_a_renderer_that_keeps_no_pages_writes_the_same_site(
    base: Snapshot, tmp_path: Path
) -> None:
    """storyville's own site (`keep_pages=False`, a private writer told what changed): after
    each edit the site on disk is the one a fresh renderer makes, though a save's output
    holds only the assets and the pages it rendered again."""
    site = tmp_path / "site"
    kept = SiteRenderer(keep_pages=False)
    writer = SiteWriter(site, private=True)
    writer.write_changes(kept.render(base), kept.fresh, kept.gone)
    for what, snapshot in edits(base):
        output = kept.render(snapshot)
        writer.write_changes(output, kept.fresh, kept.gone)
        fresh = SiteRenderer().render(snapshot)
        assert site_on_disk(site) == fresh, what
        assert kept.names == fresh.keys(), what
        pages = [name for name in output if name.endswith(".html")]
        assert len(pages) == kept.rendered, what


def test_a_renderer_reset_after_a_failed_write_hands_over_the_whole_site(
    base: Snapshot, tmp_path: Path
) -> None:
    """A write that failed leaves the writer comparing everything: the renderer, reset, then
    hands it every page, so none it kept no bytes for is taken for deleted."""
    site = tmp_path / "site"
    kept = SiteRenderer(keep_pages=False)
    writer = SiteWriter(site, private=True)
    writer.write_changes(kept.render(base), kept.fresh, kept.gone)
    edited = with_node(base, replace(base.nodes["layout.card"], title="Tile"))
    in_the_way = site / "layout" / "card"
    shutil.rmtree(in_the_way)
    in_the_way.write_text("a file where the subject's pages go")  # root ignores chmod
    with pytest.raises(OutputError):
        writer.write_changes(kept.render(edited), kept.fresh, kept.gone)
    in_the_way.unlink()
    kept.reset()  # as DevSession does when its writer fails
    writer.write_changes(kept.render(edited), kept.fresh, kept.gone)
    assert site_on_disk(site) == SiteRenderer().render(edited)
