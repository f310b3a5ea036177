"""Outline (`textDocument/documentSymbol`) and `workspace/symbol` from the source alone.

The outline of a `stories.py` is its Subject (or Section, Catalog) with its stories; the
workspace symbols are every story of the catalog by its path ("Forms › Button › Busy"),
so a story is a fuzzy search away without a build.
"""

from __future__ import annotations

from lsprotocol import types

from storyville.lsp.base import StoryvilleServer
from storyville.lsp.source_index import SourceIndex
from storyville.lsp.stories_source import StoriesInfo, humanize

SEPARATOR = " › "
_KIND = {
    "Catalog": types.SymbolKind.Module,
    "Section": types.SymbolKind.Namespace,
    "Subject": types.SymbolKind.Class,
}


def document_symbols(index: SourceIndex, uri: str) -> list[types.DocumentSymbol]:
    info = index.info(uri)
    if info is None:
        return []
    parsed = info.parsed
    children = [
        types.DocumentSymbol(
            name=story.title,
            kind=types.SymbolKind.Method,
            range=index.range(parsed, story.span),
            selection_range=index.range(parsed, story.name_span),
            detail="Story",
        )
        for story in info.stories
    ]
    return [
        types.DocumentSymbol(
            name=info.display_title(),
            kind=_KIND[info.kind],
            range=index.range(parsed, info.span),
            selection_range=index.range(parsed, info.name_span),
            detail=info.kind,
            children=children,
        )
    ]


def matches(query: str, name: str) -> bool:
    """Case-insensitive: a substring, or the query's characters in order (fuzzy)."""
    query, name = query.casefold(), name.casefold()
    if query in name:
        return True
    letters = iter(name)
    return all(char in letters for char in query if not char.isspace())


def workspace_symbols(index: SourceIndex, query: str) -> list[types.WorkspaceSymbol]:
    """The catalog's subjects, sections and stories whose path matches the query."""
    opened = index.open_texts()
    titles: dict[tuple[str, ...], str] = {}
    found: list[types.WorkspaceSymbol] = []
    for parts, path in index.stories_files():
        info = index.cache.info(path, opened.get(path))  # the walk gives resolved paths
        titles[parts] = info.display_title() if info else humanize(parts[-1] if parts else "")
        if info is None or not parts:
            continue  # the catalog itself is no level of the paths
        trail = SEPARATOR.join(
            titles.get(parts[:n]) or humanize(parts[n - 1]) for n in range(1, len(parts) + 1)
        )
        found.extend(s for s in _symbols(index, info, trail) if matches(query, s.name))
    return found


_built: dict[str, tuple[StoriesInfo, str, list[types.WorkspaceSymbol]]] = {}


def _symbols(index: SourceIndex, info: StoriesInfo, trail: str) -> list[types.WorkspaceSymbol]:
    """The file's symbols, built once per parse and path (they are most of a request's cost)."""
    parsed = info.parsed
    cached = _built.get(parsed.path)
    if cached is not None and cached[0] is info and cached[1] == trail:
        return cached[2]
    symbols = [
        types.WorkspaceSymbol(
            name=trail,
            kind=_KIND[info.kind],
            location=index.location(parsed, info.span),
            container_name=trail.rpartition(SEPARATOR)[0] or None,
        ),
        *(
            types.WorkspaceSymbol(
                name=f"{trail}{SEPARATOR}{story.title}",
                kind=types.SymbolKind.Method,
                location=index.location(parsed, story.span),
                container_name=trail,
            )
            for story in info.stories
        ),
    ]
    _built[parsed.path] = (info, trail, symbols)
    return symbols


def register_symbols(server: StoryvilleServer, index: SourceIndex) -> None:
    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(
        ls: StoryvilleServer, params: types.DocumentSymbolParams
    ) -> list[types.DocumentSymbol]:
        return document_symbols(index, params.text_document.uri)

    @server.feature(types.WORKSPACE_SYMBOL)
    def workspace_symbol(
        ls: StoryvilleServer, params: types.WorkspaceSymbolParams
    ) -> list[types.WorkspaceSymbol]:
        return workspace_symbols(index, params.query)
