"""From a catalog snapshot to the site's files: pages (memoised by their inputs) and assets."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path, PurePosixPath

from storyville.catalog.static import site_path, static_files
from storyville.collect.snapshot import NodeData, NodeKind, Snapshot
from storyville.site.ui.assets import ui_assets
from storyville.site.ui.models import Failure, Link, PageKind, PageSpec, Summary, Totals
from storyville.site.ui.pages import ASSETS, render_page
from storyville.site.ui.urls import node_url, story_url, themed_url


@cache
def static_assets() -> dict[str, bytes]:
    """The UI's assets by their hashed names (`site/ui/assets.py`)."""
    return dict(ui_assets().values())


def _subtree_counts(snapshot: Snapshot) -> dict[str, tuple[int, int]]:
    """Stories and failed assertions under each node, itself included: in one pass, since
    every section's page summarises each of its children."""
    counts: dict[str, tuple[int, int]] = {}
    for path, node in snapshot.nodes.items():
        stories = len(node.stories)
        failed = sum(1 for s in node.stories for a in s.assertions if not a.passed)
        at: str | None = path
        while at is not None:
            had = counts.get(at, (0, 0))
            counts[at] = (had[0] + stories, had[1] + failed)
            at = snapshot.parent_of(at)
    return counts


def _summary(counts: dict[str, tuple[int, int]], node: NodeData) -> Summary:
    stories, failed = counts.get(node.path, (0, 0))
    return Summary(
        Link(node.title, node_url(node.path)),
        node.kind.capitalize(),
        node.description,
        stories,
        failed,
    )


def _hint_base(snapshot: Snapshot) -> str:
    """The directory source hints are relative to: the one holding the top package."""
    catalog_dir = Path(snapshot.nodes[""].file).parent
    base = catalog_dir.parents[snapshot.package.count(".")] if snapshot.package else catalog_dir
    return f"{base}{os.sep}"


def _source_hint(base: str, file: str | None, line: int | None) -> str | None:
    if not file:
        return None
    shown = file.removeprefix(base)
    return f"{shown}:{line}" if line else shown


def _subject_specs(
    node: NodeData, crumbs: tuple[Link, ...], catalog: NodeData, base: str
) -> tuple[list[PageSpec], list[Failure]]:
    """A subject's story (and themed) pages, its own page, and its failed assertions."""
    path = node.path
    specs: list[PageSpec] = []
    failures: list[Failure] = []
    here = (*crumbs, Link(node.title, node_url(path)))
    links = [Link(s.title, story_url(path, s.index)) for s in node.stories]
    for position, story in enumerate(node.stories):
        has_themed = catalog.themed and story.themed_html is not None
        file = story.source.file if story.source else node.file
        line = story.source.line if story.source else None
        specs.append(
            PageSpec(
                PageKind.STORY,
                links[position].url,
                catalog.title,
                story.title,
                here,
                node=None,
                story=story,
                previous=links[position - 1] if position else None,
                next=links[position + 1] if position + 1 < len(links) else None,
                themed_url=themed_url(path, story.index) if has_themed else None,
                source_hint=_source_hint(base, file, line),
                # Relative, as shown: a published site names no path of the machine that
                # built it (the editor finds the file in its workspace).
                source_file=file.removeprefix(base) if file else None,
                source_line=line,
            )
        )
        if has_themed:
            specs.append(
                PageSpec(
                    PageKind.THEMED,
                    themed_url(path, story.index),
                    catalog.title,
                    story.title,
                    story=story,
                )
            )
        failures.extend(
            Failure(Link(f"{node.title} › {story.title}", links[position].url), a.name, a.message)
            for a in story.assertions
            if not a.passed
        )
    specs.append(
        PageSpec(PageKind.SUBJECT, node_url(path), catalog.title, node.title, crumbs, node=node)
    )
    return specs, failures


type SubjectMemo = dict[str, tuple[tuple[object, ...], list[PageSpec], list[Failure]]]


def page_specs(snapshot: Snapshot, memo: SubjectMemo | None = None) -> list[PageSpec]:
    """Every page's spec. With `memo` (kept across builds), a subject whose node, crumbs
    and catalog settings are the very same objects as last time keeps its specs: a
    partial build keeps the nodes it did not rebuild, so a save re-specs what it rebuilt."""
    catalog = snapshot.nodes[""]
    specs: list[PageSpec] = []
    failures: list[Failure] = []
    counts = _subtree_counts(snapshot)
    base = _hint_base(snapshot)
    seen: SubjectMemo = {}
    for path, node in sorted(snapshot.nodes.items()):
        crumbs = tuple(Link(a.title, node_url(a.path)) for a in snapshot.ancestors_of(path))
        if node.kind is NodeKind.SUBJECT:
            key = (node, crumbs, catalog.title, catalog.themed, base)
            kept = memo.get(path) if memo is not None else None
            if kept is not None and kept[0][0] is node and kept[0][1:] == key[1:]:
                subject_specs, subject_failures = kept[1], kept[2]
            else:
                subject_specs, subject_failures = _subject_specs(node, crumbs, catalog, base)
            seen[path] = (key, subject_specs, subject_failures)
            specs += subject_specs
            failures += subject_failures
        elif path:
            children = tuple(_summary(counts, c) for c in snapshot.children_of(path))
            specs.append(
                PageSpec(
                    PageKind.SECTION,
                    node_url(path),
                    catalog.title,
                    node.title,
                    crumbs,
                    node=node,
                    children=children,
                )
            )
    if memo is not None:
        memo.clear()
        memo.update(seen)
    stories = [s for _, s in snapshot.stories]
    outcomes = [a for s in stories for a in s.assertions]
    totals = Totals(
        sections=sum(1 for n in snapshot.nodes.values() if n.kind is NodeKind.SECTION),
        subjects=sum(1 for n in snapshot.nodes.values() if n.kind is NodeKind.SUBJECT),
        stories=len(stories),
        passed=sum(1 for a in outcomes if a.passed),
        failed=sum(1 for a in outcomes if not a.passed),
    )
    specs.append(
        PageSpec(
            PageKind.INDEX,
            "index.html",
            catalog.title,
            catalog.title,
            node=catalog,
            children=tuple(_summary(counts, c) for c in snapshot.children_of("")),
            totals=totals,
            failures=tuple(failures),
        )
    )
    return specs


def _tree(snapshot: Snapshot, path: str) -> list[dict[str, object]]:
    entries = []
    for child in snapshot.children_of(path):
        entry: dict[str, object] = {"t": child.title, "u": node_url(child.path)}
        if child.kind is NodeKind.SUBJECT:
            entry["c"] = [
                {"t": s.title, "u": story_url(child.path, s.index)} for s in child.stories
            ]
            if failed := sum(1 for s in child.stories for a in s.assertions if not a.passed):
                entry["f"] = failed
        else:
            entry["c"] = _tree(snapshot, child.path)
        entries.append(entry)
    return entries


def catalog_script(snapshot: Snapshot) -> bytes:
    """The navigation tree, shared by every page instead of inlined into each."""
    data = json.dumps(
        {"title": snapshot.nodes[""].title, "tree": _tree(snapshot, "")}, separators=(",", ":")
    )
    return f"window.storyvilleCatalog = {data};\n".encode()  # ASCII: json escapes the rest


class SiteRenderer:
    """Renders a snapshot into files, re-rendering only pages whose spec changed."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[PageSpec, bytes]] = {}
        self._subjects: SubjectMemo = {}  # page_specs' memo
        self._static: dict[str, tuple[tuple[int, int], bytes]] = {}
        self._listing: list[tuple[PurePosixPath, Path]] | None = None  # the last walk's
        self.rendered = 0  # pages rendered by the last call

    def static(self, catalog_dir: Path, *, rescan: bool = True) -> Iterator[tuple[str, bytes]]:
        """The catalog's `static/` files; one unchanged since the last call is not read again.
        Without `rescan` the package is not walked again: the files are those found last."""
        if rescan or self._listing is None:
            self._listing = list(static_files(catalog_dir))
        seen: dict[str, tuple[tuple[int, int], bytes]] = {}
        for relative, file in self._listing:
            try:
                stat = file.stat()
                key = (stat.st_mtime_ns, stat.st_size)
                cached = self._static.get(str(file))
                data = cached[1] if cached and cached[0] == key else file.read_bytes()
            except OSError:  # gone since the walk (an editor's temporary file)
                continue
            seen[str(file)] = (key, data)
            yield site_path(relative), data
        self._static = seen

    def render(self, snapshot: Snapshot, *, rescan: bool = True) -> dict[str, bytes]:
        """`rescan=False`: no file but Python changed, so the `static/` folders are as
        they were (walking a large package for them costs more than rendering a page)."""
        return dict(self.files(snapshot, rescan=rescan))

    def files(self, snapshot: Snapshot, *, rescan: bool = True) -> Iterator[tuple[str, bytes]]:
        """The site's files one by one, so that writing can start before rendering ends."""
        yield from static_assets().items()
        yield f"{ASSETS}/catalog.js", catalog_script(snapshot)
        yield from self.static(Path(snapshot.nodes[""].file).parent, rescan=rescan)
        pages: dict[str, tuple[PageSpec, bytes]] = {}
        self.rendered = 0
        for spec in page_specs(snapshot, self._subjects):
            cached = self._pages.get(spec.url)
            if cached is None or (cached[0] is not spec and cached[0] != spec):
                cached = (spec, render_page(spec))
                self.rendered += 1
            pages[spec.url] = cached
            yield spec.url, cached[1]
        self._pages = pages
