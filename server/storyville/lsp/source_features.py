"""Wires the source-reading editor features (outline, symbols, completion, definition)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from storyville.lsp.base import StoryvilleServer
from storyville.lsp.completion import register_completion
from storyville.lsp.definition import register_definition
from storyville.lsp.source_index import SourceIndex
from storyville.lsp.symbols import register_symbols


def register_source_features(
    server: StoryvilleServer, catalog_dir: Callable[[], Path | None]
) -> SourceIndex:
    """`catalog_dir` gives the tracked catalog's package directory, once there is one."""
    index = SourceIndex(lambda: server.workspace, lambda: server.folders, catalog_dir)
    register_symbols(server, index)
    register_completion(server, index)
    register_definition(server, index)
    return index
