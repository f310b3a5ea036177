"""Outline, workspace symbols, completion and definition end to end over stdio."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from tests.lsp_harness import lsp_session, uri
from tests.test_lsp import first_build, utf16, write_catalog

TYPING = """\
from storyville import Story, Subject

from .button import Button


def this_subject() -> Subject:
    return Subject(
        title="Button",
        target=Button,
        items=[
            Story(title="Primary", props={"la
"""


def opened(path: Path, text: str) -> types.DidOpenTextDocumentParams:
    return types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(
            uri=uri(path), language_id="python", version=1, text=text
        )
    )


def at(text: str, needle: str, after: int = 0) -> types.Position:
    """The position just past `needle`'s first occurrence (in UTF-16, as the client counts)."""
    end = text.index(needle) + len(needle) + after
    line = text.count("\n", 0, end)
    column = end - (text.rfind("\n", 0, end) + 1)
    return types.Position(line, utf16(text.splitlines()[line][:column]))


async def test_outline_and_workspace_symbols(tmp_path: Path) -> None:
    catalog = write_catalog(tmp_path)
    stories = catalog / "widgets/button/stories.py"
    async with lsp_session(tmp_path) as (client, inbox):
        outline = await client.text_document_document_symbol_async(
            types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri(stories)))
        )
        assert outline is not None
        (subject,) = outline
        assert isinstance(subject, types.DocumentSymbol)
        assert (subject.name, subject.kind) == ("Button", types.SymbolKind.Class)
        assert subject.range.start == types.Position(10, 11)  # `Subject(`
        assert [(c.name, c.kind) for c in subject.children or []] == [
            ("Primary", types.SymbolKind.Method),
            ("Checked", types.SymbolKind.Method),
        ]

        found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="butchk"))
        assert found is not None
        assert [s.name for s in found] == ["Widgets › Button › Checked"]
        (checked,) = found
        assert isinstance(checked.location, types.Location)
        assert checked.location.uri == uri(stories)
        assert checked.location.range.start.line == 15  # its `Story(`
        await first_build(inbox)  # none of it waited for one; stopping mid-start is slow


async def test_completion_and_definition_of_props(tmp_path: Path) -> None:
    catalog = write_catalog(tmp_path)
    stories = catalog / "widgets/button/stories.py"
    async with lsp_session(tmp_path) as (client, inbox):
        client.text_document_did_open(opened(stories, TYPING))
        completion = await client.text_document_completion_async(
            types.CompletionParams(
                text_document=types.TextDocumentIdentifier(uri(stories)),
                position=at(TYPING, '{"la'),
            )
        )
        assert isinstance(completion, types.CompletionList)
        assert [(i.label, i.detail, i.insert_text) for i in completion.items] == [
            ("label", "label: str = LABEL", "label")
        ]

        saved = stories.read_text(encoding="utf-8")
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri(stories), version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=saved)],
            )
        )
        location = await client.text_document_definition_async(
            types.DefinitionParams(
                text_document=types.TextDocumentIdentifier(uri(stories)),
                position=at(saved, '{"la'),
            )
        )
        assert isinstance(location, types.Location)
        assert location.uri == uri(catalog / "widgets/button/button.py")
        assert location.range.start == types.Position(5, 11)  # `label` in `def Button(`
        await first_build(inbox)
