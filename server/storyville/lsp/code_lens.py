"""Code lenses on each `Subject(...)` and `Story(...)`: "Preview", and the last build's result.

As rust-analyzer puts Run above a test: "Preview" runs `storyville.showStory` (the VS Code
extension opens its webview; other editors get the page through `window/showDocument`), and
"2 assertions passed" / "1 failing: announces_busy" is a label. Lenses need a build's page
reports; until the first build there are none, and a failed build keeps the last good ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lsprotocol import types

from storyville.lsp.base import StoryvilleServer
from storyville.lsp.pages import outcome, placed_pages
from storyville.lsp.protocol import SHOW_STORY
from storyville.lsp.source_index import SourceIndex
from storyville.results import PageReport, plural


def code_lenses(
    index: SourceIndex, uri: str, reports: Sequence[PageReport]
) -> list[types.CodeLens]:
    info = index.info(uri)
    if info is None or not reports:
        return []
    lenses: list[types.CodeLens] = []
    for placed in placed_pages(info, reports):
        where = index.range(info.parsed, placed.name_span)
        report = placed.report
        argument = {"page": report.page, "title": report.title}
        lenses.append(
            types.CodeLens(where, types.Command("Preview", SHOW_STORY, arguments=[argument]))
        )
        said = outcome(report.assertions)
        if report.index is None:
            stories = plural(report.stories, "story", "stories")
            said = f"{stories}, {said}" if said else stories
        if said:
            lenses.append(types.CodeLens(where, types.Command(said, "")))
    return lenses


def register_code_lens(
    server: StoryvilleServer, index: SourceIndex, reports: Callable[[], Sequence[PageReport]]
) -> None:
    @server.feature(types.TEXT_DOCUMENT_CODE_LENS)
    def code_lens(ls: StoryvilleServer, params: types.CodeLensParams) -> list[types.CodeLens]:
        return code_lenses(index, params.text_document.uri, reports())


def refresh_code_lenses(server: StoryvilleServer) -> None:
    """Ask the editor to ask again, after a build changed what the lenses say."""
    workspace = server.client_capabilities.workspace
    lens = workspace.code_lens if workspace else None
    if lens is not None and lens.refresh_support:
        server.workspace_code_lens_refresh(None)
