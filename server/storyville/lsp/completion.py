"""Completion in `stories.py`: props keys from the target component, `Story(...)` arguments.

Both ways of writing props complete, `props={"label": …}` and `props=dict(label=…)`. The
component's parameters come from its source (function parameters, dataclass fields), found
by following the subject's `target=` through the imports; user code is never imported.
"""

from __future__ import annotations

from lsprotocol import types

from storyville.lsp.base import StoryvilleServer
from storyville.lsp.source_index import SourceIndex
from storyville.lsp.stories_source import (
    STORY_ARGUMENTS,
    Component,
    Context,
    context_at,
    resolve_component,
    story_target,
)


def component_for(index: SourceIndex, uri: str, context: Context) -> Component | None:
    info = index.info(uri)
    if info is None:
        return None
    target = story_target(info, context.story)
    return resolve_component(index.cache, info.parsed.path, target, index.roots())


def where(index: SourceIndex, uri: str, position: types.Position) -> tuple[str, int] | None:
    """The document's current text and the cursor's offset in it."""
    found = index.text(uri)
    if found is None:
        return None
    path, text = found
    if text is None:
        parsed = index.cache.parse(path)
        if parsed is None:
            return None
        text = parsed.text
    return text, index.offset(text, position)


def complete(index: SourceIndex, uri: str, position: types.Position) -> list[types.CompletionItem]:
    found = where(index, uri, position)
    if found is None:
        return []
    text, offset = found
    context = context_at(text, offset)
    if context is None:
        return []
    if context.where == "story_kwarg":
        return [
            types.CompletionItem(
                label=name,
                kind=types.CompletionItemKind.Property,
                detail=detail,
                documentation=doc,
                insert_text=f"{name}=",
            )
            for name, detail, doc in STORY_ARGUMENTS
            if name.startswith(context.prefix) and name not in context.written
        ]
    component = component_for(index, uri, context)
    if component is None:
        return []
    return [
        types.CompletionItem(
            label=param.name,
            kind=types.CompletionItemKind.Field,
            detail=param.detail,
            documentation=f"{component.name}: {param.detail}",
            insert_text=_insert(context, param.name),
            sort_text=f"{number:03}",
        )
        for number, param in enumerate(component.params)
        if param.name.startswith(context.prefix) and param.name not in context.written
    ]


def _insert(context: Context, name: str) -> str:
    if context.where == "props_kwarg":
        return f"{name}="
    if context.quote:
        return name  # inside the key's quotes: the user closes them
    return f'"{name}": '


def register_completion(server: StoryvilleServer, index: SourceIndex) -> None:
    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=['"', "'", "(", ",", " "]),
    )
    def completion(ls: StoryvilleServer, params: types.CompletionParams) -> types.CompletionList:
        items = complete(index, params.text_document.uri, params.position)
        return types.CompletionList(is_incomplete=False, items=items)
