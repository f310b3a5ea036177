"""Hover on `Story` (or `Subject`): what the last good build rendered, its assertions, the page.

Only the call's name answers, so hovers on the arguments stay the Python server's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lsprotocol import types

from storyville.lsp.base import StoryvilleServer
from storyville.lsp.pages import outcome, placed_pages
from storyville.lsp.source_index import SourceIndex
from storyville.results import PageReport


def hover_text(report: PageReport, preview_url: str | None) -> str:
    lines = [f"**{report.title}**"]
    if (said := outcome(report.assertions)) is not None:
        lines.append(said)
    for a in report.assertions if report.index is not None else ():
        mark = "✓" if a.passed else "✗"
        lines.append(
            f"- {mark} `{a.name}`" + (f": {a.message}" if a.message and not a.passed else "")
        )
    if preview_url is not None:
        lines.append(f"[Open the page]({preview_url}{report.page})")
    if report.html:
        fence = "```"
        while fence in report.html:
            fence += "`"
        lines.append(f"{fence}html\n{report.html}\n{fence}")
    return "\n\n".join(lines)


def hover(
    index: SourceIndex,
    uri: str,
    position: types.Position,
    reports: Sequence[PageReport],
    preview_url: str | None,
) -> types.Hover | None:
    info = index.info(uri)
    if info is None or not reports:
        return None
    for placed in placed_pages(info, reports):
        where = index.range(info.parsed, placed.name_span)
        if where.start <= position <= where.end:
            text = hover_text(placed.report, preview_url)
            return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text), where)
    return None


def register_hover(
    server: StoryvilleServer,
    index: SourceIndex,
    reports: Callable[[], Sequence[PageReport]],
    preview_url: Callable[[], str | None],
) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: StoryvilleServer, params: types.HoverParams) -> types.Hover | None:
        return hover(index, params.text_document.uri, params.position, reports(), preview_url())
