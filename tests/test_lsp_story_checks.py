"""Static story checks end to end over stdio: diagnostics while typing, quick fixes, and
how they share a document with a build's diagnostics."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp_harness import Inbox, diagnostics_for, lsp_session, save, uri
from tests.test_lsp import BUTTON_STORIES, first_build, write_catalog
from tests.test_lsp_features import at, opened

DIAGNOSTICS = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
BUTTON = """\
from tdom import html


def Button(label: str, busy: bool = False):
    return html(t'<button class="btn" aria-busy={busy}>{label}</button>')
"""
# Before the key on its line, characters that are two UTF-16 units: ranges are in the client's.
TYPO = BUTTON_STORIES.replace(
    'Story(title="Primary", props={"label": "Buy now"})',
    'Story(title="Primary 😀", props={"lable": "Buy now"})',
)


def shop(root: Path) -> Path:
    catalog = write_catalog(root)
    (catalog / "widgets/button/button.py").write_text(BUTTON, encoding="utf-8")
    return catalog / "widgets/button/stories.py"


def change(client: LanguageClient, path: Path, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri(path), version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def published(
    inbox: Inbox, path: Path, after: int, codes: set[str | int | None]
) -> list[types.Diagnostic]:
    """The first diagnostics of `path` past `after` with exactly these codes."""
    found = await inbox.next(
        DIAGNOSTICS,
        after=after,
        where=lambda p: p.uri == uri(path) and {d.code for d in p.diagnostics} == codes,
    )
    return list(found.diagnostics)


def key_range(text: str, key: str) -> types.Range:
    return types.Range(at(text, key, after=-len(key)), at(text, key))


async def test_a_misspelt_prop_shows_while_typing_and_has_a_quick_fix(tmp_path: Path) -> None:
    stories = shop(tmp_path)
    async with lsp_session(tmp_path) as (client, inbox):
        mark = inbox.mark(DIAGNOSTICS)
        client.text_document_did_open(opened(stories, TYPO))  # never saved: the disk is fine
        (typo,) = await published(inbox, stories, mark, {"unknown-prop"})
        assert typo.message == "`lable` is not a parameter of Button; did you mean `label`?"
        assert typo.range == key_range(TYPO, '"lable"')
        assert (typo.severity, typo.source) == (types.DiagnosticSeverity.Error, "storyville")

        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri(stories)),
                range=types.Range(typo.range.start, typo.range.start),
                context=types.CodeActionContext(diagnostics=[typo]),
            )
        )
        assert actions is not None
        (action,) = actions
        assert isinstance(action, types.CodeAction)
        assert (action.title, action.kind, action.is_preferred) == (
            "Change to `label`",
            types.CodeActionKind.QuickFix,
            True,
        )
        assert list(action.diagnostics or ()) == [typo]
        assert action.edit is not None and action.edit.changes is not None
        edits = {u: list(e) for u, e in action.edit.changes.items()}
        assert edits == {uri(stories): [types.TextEdit(typo.range, '"label"')]}
        assert typo.range.start.character == TYPO.splitlines()[14].index('"lable"') + 1  # 😀

        mark = inbox.mark(DIAGNOSTICS)
        change(client, stories, BUTTON_STORIES, 2)  # the fix applied
        assert await published(inbox, stories, mark, set()) == []

        mark = inbox.mark(DIAGNOSTICS)
        without = BUTTON_STORIES.replace('props={"label": "Buy later"}', "props={}")
        change(client, stories, without, 3)
        (missing,) = await published(inbox, stories, mark, {"missing-prop"})
        assert missing.message == "Button needs `label`: no default, and the props do not give it"
        assert missing.range == key_range(without, "{}")
        await first_build(inbox)


async def test_build_and_static_diagnostics_share_a_document(tmp_path: Path) -> None:
    stories = shop(tmp_path)
    async with lsp_session(tmp_path) as (client, inbox):
        await first_build(inbox)
        mark = inbox.mark(DIAGNOSTICS)
        client.text_document_did_open(opened(stories, TYPO))
        await published(inbox, stories, mark, {"unknown-prop"})

        mark = inbox.mark(DIAGNOSTICS)
        save(client, stories, TYPO)  # the build fails on the same key
        both = await published(inbox, stories, mark, {"unknown-prop", "exception"})
        build = next(d for d in both if d.code != "unknown-prop")
        assert "lable" in build.message

        mark = inbox.mark(DIAGNOSTICS)
        change(client, stories, BUTTON_STORIES, 2)  # fixed, not saved: the build's error stays
        assert await published(inbox, stories, mark, {"exception"}) == [build]

        mark = inbox.mark(DIAGNOSTICS)
        save(client, stories, BUTTON_STORIES)
        assert await published(inbox, stories, mark, set()) == []
        assert diagnostics_for(client, stories) == []


async def test_a_component_saved_or_changed_on_disk_checks_open_stories_again(
    tmp_path: Path,
) -> None:
    stories = shop(tmp_path)
    sized = BUTTON_STORIES.replace('{"label": "Buy now"}', '{"label": "Buy now", "size": 2}')
    async with lsp_session(tmp_path) as (client, inbox):
        await first_build(inbox)
        mark = inbox.mark(DIAGNOSTICS)
        client.text_document_did_open(opened(stories, sized))
        (unknown,) = await published(inbox, stories, mark, {"unknown-prop"})
        assert unknown.message.startswith("`size` is not a parameter of Button")

        mark = inbox.mark(DIAGNOSTICS)
        button = stories.parent / "button.py"
        save(client, button, BUTTON.replace("busy: bool = False", "busy: bool = False, size=1"))
        assert await published(inbox, stories, mark, set()) == []

        mark = inbox.mark(DIAGNOSTICS)
        button.write_text(BUTTON, encoding="utf-8")  # a git checkout, say: no didSave
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri(button), types.FileChangeType.Changed)]
            )
        )
        await published(inbox, stories, mark, {"unknown-prop"})
