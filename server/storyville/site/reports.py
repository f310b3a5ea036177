"""What the site shows for each subject and story, said compactly for the editor.

The language server never sees the snapshot (it lives in the build host); after each
published build it gets these instead: enough for a code lens ("2 assertions passed") and a
hover (the markup, trimmed, and the page's link), a few hundred bytes a story.
"""

from __future__ import annotations

from storyville.collect.snapshot import NodeData, Snapshot
from storyville.results import AssertionReport, PageReport, ReportsUpdate
from storyville.site.ui.urls import node_url, story_url

HTML_LIMIT = 1200  # characters of a story's markup kept for hover


def page_reports(snapshot: Snapshot) -> tuple[PageReport, ...]:
    """Each node's page (a subject's carries its stories' assertions), then its stories."""
    return tuple(r for _, node in sorted(snapshot.nodes.items()) for r in node_reports(node))


def reports_update(snapshot: Snapshot, sent: dict[str, NodeData]) -> ReportsUpdate:
    """What changed since `sent` (updated in place): a partial build keeps the `NodeData`
    of the nodes it did not rebuild, so a save costs what it rebuilt, not the catalog."""
    full = not sent
    nodes = {
        path: node_reports(node)
        for path, node in snapshot.nodes.items()
        if sent.get(path) is not node
    }
    gone = tuple(path for path in sent if path not in snapshot.nodes)
    sent.clear()
    sent.update(snapshot.nodes)
    return ReportsUpdate(full, nodes, gone)


def node_reports(node: NodeData) -> tuple[PageReport, ...]:
    stories = [_story(node, i) for i in range(len(node.stories))]
    outcomes = tuple(a for story in stories for a in story.assertions)
    page = PageReport(
        node.file,
        None,
        node.title,
        node_url(node.path),
        None,
        "",
        outcomes,
        len(stories),
        node.component or next((s.renders for s in node.stories if s.renders), None),
    )
    return (page, *stories)


def _story(node: NodeData, position: int) -> PageReport:
    story = node.stories[position]
    html = story.html.strip()
    if len(html) > HTML_LIMIT:
        html = html[:HTML_LIMIT].rstrip() + "…"
    return PageReport(
        story.source.file if story.source else node.file,
        story.source.line if story.source else None,
        f"{node.title} › {story.title}",
        story_url(node.path, story.index),
        story.index,
        html,
        tuple(
            AssertionReport(a.name, a.passed, a.message.splitlines()[0] if a.message else None)
            for a in story.assertions
        ),
    )
