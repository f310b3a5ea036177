"""Go to definition from a props key (`"label"` or `dict(label=…)`) to the component's parameter."""

from __future__ import annotations

from lsprotocol import types

from storyville.lsp.base import StoryvilleServer
from storyville.lsp.completion import component_for, where
from storyville.lsp.source_index import SourceIndex
from storyville.lsp.stories_source import context_at, word_at


def definition(index: SourceIndex, uri: str, position: types.Position) -> types.Location | None:
    found = where(index, uri, position)
    if found is None:
        return None
    text, offset = found
    start, name = word_at(text, offset)
    if not name:
        return None
    context = context_at(text, start)
    if context is None or context.where == "story_kwarg":
        return None
    component = component_for(index, uri, context)
    param = component.param(name) if component is not None else None
    if param is None:
        return None
    parsed = index.cache.good(param.path)
    return index.location(parsed, param.span) if parsed is not None else None


def register_definition(server: StoryvilleServer, index: SourceIndex) -> None:
    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def goto_definition(
        ls: StoryvilleServer, params: types.DefinitionParams
    ) -> types.Location | None:
        return definition(index, params.text_document.uri, params.position)
