"""Wires the source-reading editor features (outline, symbols, completion, definition, static
story checks), and the two that add the last build's pages to the source (code lenses, hover)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from storyville.lsp.base import StoryvilleServer
from storyville.lsp.code_lens import register_code_lens
from storyville.lsp.completion import register_completion
from storyville.lsp.definition import register_definition
from storyville.lsp.hover import register_hover
from storyville.lsp.page_for import register_page_for
from storyville.lsp.source_index import SourceIndex
from storyville.lsp.story_checks_feature import register_story_checks
from storyville.lsp.symbols import register_symbols
from storyville.results import PageReport


def register_source_features(
    server: StoryvilleServer,
    catalog_dir: Callable[[], Path | None],
    reports: Callable[[], Sequence[PageReport]],
    preview_url: Callable[[], str | None],
) -> SourceIndex:
    """`catalog_dir` gives the tracked catalog's package directory, once there is one;
    `reports` its last good build's pages, and `preview_url` where they are served."""
    index = SourceIndex(lambda: server.workspace, lambda: server.folders, catalog_dir)
    register_symbols(server, index)
    register_completion(server, index)
    register_definition(server, index)
    register_story_checks(server, index)
    register_code_lens(server, index, reports)
    register_hover(server, index, reports, preview_url)
    register_page_for(server, index, reports)
    return index
