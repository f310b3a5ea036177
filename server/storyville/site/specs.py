"""Every page's spec and the navigation script, worked out again only where the snapshot changed.

A partial build merges the nodes it rebuilt into the last snapshot and keeps the other
`NodeData` objects as they were. A node that is the very same object as last time (or an
equal one) has the same pages unless an ancestor changed (its crumbs) or a descendant did
(its story counts, its children's summaries, its part of the navigation). So a save
re-specs the subject it rebuilt, that subject's ancestors and the front page, whatever the
size of the catalog.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from storyville.collect.snapshot import NodeData, NodeKind, Snapshot
from storyville.site.ui.models import Failure, Link, PageKind, PageSpec, Summary, Totals
from storyville.site.ui.urls import node_url, story_url, themed_url

type Counts = tuple[int, int, int]  # stories, failed assertions, passed assertions


@dataclass(slots=True)
class _Kept:
    """What the last update worked out, by node path."""

    nodes: dict[str, NodeData] = field(default_factory=dict)
    base: str = ""
    counts: dict[str, Counts] = field(default_factory=dict)  # the node's subtree, itself included
    specs: dict[str, list[PageSpec]] = field(default_factory=dict)
    failures: dict[str, list[Failure]] = field(default_factory=dict)  # only subjects with some
    tree: dict[str, str] = field(default_factory=dict)  # the node's entry in catalog.js


@dataclass(frozen=True, slots=True)
class Specs:
    """One update's answer: every page's spec, and which node paths it worked out again."""

    pages: dict[str, list[PageSpec]]  # by node path, the catalog's front page apart
    index: PageSpec
    script: bytes  # catalog.js
    redone: frozenset[str] | None  # paths whose pages may differ; None: every path is new
    removed: frozenset[str]  # paths the last update had and this one has not


class SiteSpecs:
    """The pages of the snapshots it is given in turn, each worked out from the last."""

    def __init__(self) -> None:
        self._kept = _Kept()

    def update(self, snapshot: Snapshot) -> Specs:
        """Every page's spec, and catalog.js. What the last update worked out is copied (a
        dict copy, not a walk), and only the paths a change reaches are worked out again."""
        nodes = snapshot.nodes
        catalog = nodes[""]
        base = _hint_base(snapshot)
        old = self._kept
        if old.nodes.get("") != catalog or old.base != base:
            old = _Kept()  # the catalog's title or theme is on every page
        # Every build loads the catalog's stories.py again, and a module may be loaded again
        # unchanged: a new object equal to the old one is no change.
        changed = {p for p, n in nodes.items() if (o := old.nodes.get(p)) is not n and o != n}
        removed = old.nodes.keys() - nodes.keys()
        below = _descendants(snapshot, changed, removed)
        above = _with_ancestors(snapshot, changed | removed)
        new = _Kept(
            nodes=dict(nodes),
            base=base,
            counts=dict(old.counts),
            specs=dict(old.specs),
            failures=dict(old.failures),
            tree=dict(old.tree),
        )
        for path in removed:
            for kept in (new.counts, new.specs, new.failures, new.tree):
                kept.pop(path, None)
        # Children before parents: a path's ancestors have fewer dots ("" has none at all).
        for path in sorted(above | changed, key=lambda p: -(p.count(".") + 1 if p else 0)):
            if path in nodes:
                node = nodes[path]
                children = snapshot.children_of(path)
                own = counts = _own_counts(node)
                for child in children:
                    counts = _add(counts, new.counts[child.path])
                new.counts[path] = counts
                if path:
                    new.tree[path] = _tree_entry(node, own[1], children, new.tree)
        redone = (below | above) & nodes.keys()
        redone.discard("")
        for path in redone:
            node = nodes[path]
            crumbs = tuple(Link(a.title, node_url(a.path)) for a in snapshot.ancestors_of(path))
            if node.kind is NodeKind.SUBJECT:
                new.specs[path], failures = _subject_specs(node, crumbs, catalog, base)
                if failures:
                    new.failures[path] = failures
                else:
                    new.failures.pop(path, None)
            else:
                children = tuple(_summary(new.counts, c) for c in snapshot.children_of(path))
                new.specs[path] = [_section_spec(node, crumbs, catalog, children)]
                new.failures.pop(path, None)
        self._kept = new
        top = ",".join(new.tree[c.path] for c in snapshot.children_of(""))
        script = (
            f'window.storyvilleCatalog = {{"title":{json.dumps(catalog.title)},"tree":[{top}]}};\n'
        )
        return Specs(
            pages=new.specs,
            index=_index_spec(snapshot, new),
            script=script.encode(),  # ASCII: json escapes the rest
            redone=frozenset(redone) if old.nodes else None,
            removed=frozenset(removed),
        )


def _descendants(snapshot: Snapshot, changed: set[str], removed: set[str]) -> set[str]:
    """The changed nodes and every node below one of them, or below a removed one (whose
    children now hang from its parent)."""
    found: set[str] = set()
    stack = list(changed)
    while stack:
        path = stack.pop()
        if path in found:
            continue
        found.add(path)
        stack.extend(c.path for c in snapshot.children_of(path))
    if removed:
        prefixes = tuple(f"{p}." for p in removed)
        found.update(p for p in snapshot.nodes if p.startswith(prefixes))
    return found


def _with_ancestors(snapshot: Snapshot, paths: set[str]) -> set[str]:
    """The paths with every ancestor node (the catalog's included) still in the snapshot."""
    found: set[str] = set()
    for path in paths:
        at: str | None = path if path in snapshot.nodes else snapshot.parent_of(path)
        while at is not None and at not in found:
            found.add(at)
            at = snapshot.parent_of(at)
    return found


def _own_counts(node: NodeData) -> Counts:
    outcomes = [a.passed for s in node.stories for a in s.assertions]
    passed = sum(outcomes)
    return len(node.stories), len(outcomes) - passed, passed


def _add(a: Counts, b: Counts) -> Counts:
    return a[0] + b[0], a[1] + b[1], a[2] + b[2]


def _tree_entry(node: NodeData, failed: int, children: list[NodeData], tree: dict[str, str]) -> str:
    """The node's part of catalog.js, as `json.dumps(..., separators=(",", ":"))` writes it;
    `failed`: its own stories' failed assertions (`_own_counts`); `tree`: its children's."""
    head = json.dumps({"t": node.title, "u": node_url(node.path)}, separators=(",", ":"))
    if node.kind is NodeKind.SUBJECT:
        entry: dict[str, object] = {
            "c": [{"t": s.title, "u": story_url(node.path, s.index)} for s in node.stories]
        }
        if failed:
            entry["f"] = failed
        return f"{head[:-1]},{json.dumps(entry, separators=(',', ':'))[1:]}"
    inner = ",".join(tree[c.path] for c in children)
    return f'{head[:-1]},"c":[{inner}]}}'


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


def _summary(counts: dict[str, Counts], node: NodeData) -> Summary:
    stories, failed, _ = counts.get(node.path, (0, 0, 0))
    return Summary(
        Link(node.title, node_url(node.path)),
        node.kind.capitalize(),
        node.description,
        stories,
        failed,
    )


def _section_spec(
    node: NodeData, crumbs: tuple[Link, ...], catalog: NodeData, children: tuple[Summary, ...]
) -> PageSpec:
    return PageSpec(
        PageKind.SECTION,
        node_url(node.path),
        catalog.title,
        node.title,
        crumbs,
        node=node,
        children=children,
    )


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


def _index_spec(snapshot: Snapshot, kept: _Kept) -> PageSpec:
    catalog = snapshot.nodes[""]
    stories, failed, passed = kept.counts[""]
    kinds = [n.kind for n in snapshot.nodes.values()]
    totals = Totals(
        sections=kinds.count(NodeKind.SECTION),
        subjects=kinds.count(NodeKind.SUBJECT),
        stories=stories,
        passed=passed,
        failed=failed,
    )
    failures = tuple(f for path in sorted(kept.failures) for f in kept.failures[path])
    return PageSpec(
        PageKind.INDEX,
        "index.html",
        catalog.title,
        catalog.title,
        node=catalog,
        children=tuple(_summary(kept.counts, c) for c in snapshot.children_of("")),
        totals=totals,
        failures=failures,
    )
