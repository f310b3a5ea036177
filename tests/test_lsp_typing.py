"""Syntax errors while typing, over stdio: didChange is checked after a short rest, without
a build, beside the build's diagnostics of the same file."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from lsprotocol import types

from tests.lsp_harness import lsp_session, save, uri
from tests.test_lsp import BUILD, BUTTON_STORIES, first_build, utf16, write_catalog
from tests.test_lsp_features import opened
from tests.test_lsp_story_checks import change, published

FAILING = BUTTON_STORIES.replace('"label": "Buy later"', '"label": "Sell"')  # says_buy fails
# Typed, never saved: before the error on its line, characters that are two UTF-16 units.
BROKEN = FAILING.replace(
    'Story(title="Primary", props={"label": "Buy now"}),',
    'Story(title="Primary 😀", props={"label": "Buy now"} +* 1),',
)


async def test_a_syntax_error_shows_while_typing_and_goes_when_fixed(tmp_path: Path) -> None:
    stories = write_catalog(tmp_path) / "widgets/button/stories.py"
    async with lsp_session(tmp_path, {"package": "shop"}) as (client, inbox):
        await first_build(inbox)
        mark = inbox.mark(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        builds = inbox.mark(BUILD)
        save(client, stories, FAILING)
        (assertion,) = await published(inbox, stories, mark, {"assertion-failed"})
        await inbox.next(BUILD, after=builds)
        client.text_document_did_open(opened(stories, FAILING))
        builds = inbox.mark(BUILD)

        mark = inbox.mark(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        sent = time.monotonic()
        change(client, stories, BROKEN, 2)
        both = await published(inbox, stories, mark, {"assertion-failed", "syntax-error"})
        waited = time.monotonic() - sent
        build, syntax = both
        assert build == assertion  # the build's diagnostic elsewhere in the file stays
        line = next(i for i, t in enumerate(BROKEN.splitlines()) if "+*" in t)
        text = BROKEN.splitlines()[line]
        column = utf16(text[: text.index("*")])
        assert syntax.range == types.Range(
            types.Position(line, column), types.Position(line, column + 1)
        )
        assert (syntax.severity, syntax.source) == (types.DiagnosticSeverity.Error, "storyville")
        assert stories.read_text(encoding="utf-8") == FAILING  # before any save
        assert 0.25 < waited < 5, waited  # after the debounce, not at once

        mark = inbox.mark(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        change(client, stories, BROKEN.replace("+* 1", "+ 1"), 3)  # parses again
        assert await published(inbox, stories, mark, {"assertion-failed"}) == [assertion]

        await asyncio.sleep(0.5)
        assert inbox.mark(BUILD) == builds  # didChange never builds


async def test_a_burst_of_changes_is_checked_once_and_a_save_takes_over(tmp_path: Path) -> None:
    stories = write_catalog(tmp_path) / "widgets/button/stories.py"
    broken = BUTTON_STORIES.replace('title="Checked",', 'title="Checked" oops,')
    async with lsp_session(tmp_path, {"package": "shop"}) as (client, inbox):
        await first_build(inbox)
        client.text_document_did_open(opened(stories, BUTTON_STORIES))
        mark = inbox.mark(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        for version in range(2, 7):  # each change restarts the wait
            change(client, stories, broken if version % 2 else BUTTON_STORIES, version)
        change(client, stories, broken, 7)
        (typed,) = await published(inbox, stories, mark, {"syntax-error"})
        await asyncio.sleep(0.5)
        ours = [
            p
            for p in inbox.items[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS][mark:]
            if p.uri == uri(stories)
        ]
        assert len(ours) == 1  # one check for the burst

        mark = inbox.mark(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        builds = inbox.mark(BUILD)
        save(client, stories, broken)  # the save's check: the same error, once
        finished = await inbox.next(BUILD, after=builds)
        assert finished.mode == "syntax-check"
        (saved,) = await published(inbox, stories, mark, {"syntax-error"})
        assert saved.range == typed.range

        mark = inbox.mark(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        change(client, stories, BUTTON_STORIES, 8)  # fixed, not saved: the text has moved on
        assert await published(inbox, stories, mark, set()) == []
