"""The editor features' view of the catalog's source: open documents first, then the disk.

Shared by outline, workspace symbols, completion and definition so they use one parse
cache. Positions cross here between the analysis (code points) and the client's units.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import Workspace
from pygls.workspace.position_codec import PositionCodec

from storyville.catalog.discovery import CatalogNotFound, find_stories_modules, package_dir
from storyville.lsp.stories_source import ParsedFile, SourceCache, Span, StoriesInfo
from storyville.lsp.workspace import NoCatalog, locate_catalog

_WALK_TTL = 2.0


class SourceIndex:
    """`catalog_dir` gives the tracked catalog's package directory once there is one."""

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        folders: Callable[[], list[Path]],
        catalog_dir: Callable[[], Path | None] = lambda: None,
    ) -> None:
        self.cache = SourceCache()
        self._workspace = workspace
        self._folders = folders
        self._catalog_dir = catalog_dir
        self._located: Path | None = None
        self._walked: tuple[Path, float, list[tuple[tuple[str, ...], str]]] | None = None

    # --- documents ---

    def text(self, uri: str) -> tuple[str, str | None] | None:
        """The document's path and, when the editor has it open, its unsaved text."""
        path = to_fs_path(uri)
        if not path:
            return None
        document = self._workspace().text_documents.get(uri)
        return path, document.source if document is not None else None

    def open_uris(self) -> list[str]:
        return list(self._workspace().text_documents)

    def open_texts(self) -> dict[str, str]:
        texts = {}
        for uri, document in self._workspace().text_documents.items():
            if path := to_fs_path(uri):
                texts[str(Path(path).resolve())] = document.source
        return texts

    def info(self, uri: str) -> StoriesInfo | None:
        if (found := self.text(uri)) is None or Path(found[0]).name != "stories.py":
            return None
        return self.cache.info(*found)

    def roots(self) -> tuple[str, ...]:
        """Where absolute imports of the catalog resolve: the workspace folders."""
        return tuple(str(f) for f in self._folders())

    # --- the catalog's files ---

    def package_dir(self) -> Path | None:
        if (tracked := self._catalog_dir()) is not None:
            return tracked
        if self._located is None:
            try:
                located = locate_catalog(self._folders() or [Path.cwd()], None)
                self._located = package_dir(located.package, located.search_path)
            except NoCatalog, CatalogNotFound:
                return None
        return self._located

    def stories_files(self) -> list[tuple[tuple[str, ...], str]]:
        """Each catalog `stories.py` with its directories below the package, parents first.

        The walk costs more than the rest of a workspace symbol request, so it is reused
        for a moment: a new `stories.py` shows up within `_WALK_TTL` seconds.
        """
        root = self.package_dir()
        if root is None:
            return []
        now = time.monotonic()
        if self._walked is not None and self._walked[0] == root and now < self._walked[1]:
            return self._walked[2]
        try:
            modules = find_stories_modules(root.name, root)
        except CatalogNotFound, OSError:
            modules = []
        files = [(tuple(m.path.split(".")) if m.path else (), m.file) for m in modules]
        self._walked = (root, now + _WALK_TTL, files)
        return files

    def forget_walk(self) -> None:
        self._walked = None

    # --- positions ---

    def position(self, parsed: ParsedFile, line: int, col: int) -> types.Position:
        text = parsed.lines[line][:col] if 0 <= line < len(parsed.lines) else ""
        return types.Position(line, col if text.isascii() else self._codec().client_num_units(text))

    def range(self, parsed: ParsedFile, span: Span) -> types.Range:
        return types.Range(
            self.position(parsed, span.line, span.col),
            self.position(parsed, span.end_line, span.end_col),
        )

    def location(self, parsed: ParsedFile, span: Span) -> types.Location:
        return types.Location(from_fs_path(parsed.path) or "", self.range(parsed, span))

    def offset(self, text: str, position: types.Position) -> int:
        """The text offset of a client position (past the end of its line: the line's end)."""
        lines = text.splitlines(keepends=True) or [""]
        if position.line >= len(lines):
            return len(text)
        line = lines[position.line].rstrip("\r\n")
        codec, units, col = self._codec(), 0, 0
        while col < len(line) and units < position.character:
            units += codec.client_num_units(line[col])
            col += 1
        return sum(len(t) for t in lines[: position.line]) + col

    def _codec(self) -> PositionCodec:
        return self._workspace().position_codec
