"""Code lenses, hover and the Preview command: the last good build, shown on the source."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types

from tests.lsp_harness import lsp_session, save, uri
from tests.test_lsp import BUILD, BUTTON_STORIES, first_build, write_catalog

REFRESH = types.WORKSPACE_CODE_LENS_REFRESH


def lens_titles(lenses: Sequence[types.CodeLens] | None) -> list[tuple[int, str, str]]:
    """(line, title, command) of each lens, in order."""
    return [
        (lens.range.start.line, lens.command.title, lens.command.command)
        for lens in lenses or []
        if lens.command is not None
    ]


async def test_code_lenses_preview_each_story_and_say_its_assertions(tmp_path: Path) -> None:
    catalog = write_catalog(tmp_path)
    stories = catalog / "widgets/button/stories.py"
    document = types.TextDocumentIdentifier(uri(stories))
    async with lsp_session(tmp_path) as (client, inbox):

        @client.feature(REFRESH)
        async def refresh(ls: object, params: None) -> None:
            await inbox.put(REFRESH, True)  # its params are null

        url = (await inbox.next("storyville/preview")).url
        await first_build(inbox)
        lenses = await client.text_document_code_lens_async(types.CodeLensParams(document))
        assert lens_titles(lenses) == [
            (10, "Preview", "storyville.showStory"),  # `Subject(`
            (10, "2 stories, 1 assertion passed", ""),
            (14, "Preview", "storyville.showStory"),  # Primary has no assertions
            (15, "Preview", "storyville.showStory"),
            (15, "1 assertion passed", ""),
        ]
        assert lenses is not None and lenses[2].command is not None
        assert list(lenses[2].command.arguments or ()) == [
            {"page": "widgets/button/0.html", "title": "Button › Primary"}
        ]

        # The Preview lens opens the story's page in the browser.
        opened = await client.workspace_execute_command_async(
            types.ExecuteCommandParams("storyville.showStory", lenses[2].command.arguments)
        )
        assert opened == url + "widgets/button/0.html"
        assert client.shown_documents[-1].uri == opened

        # A save that breaks the assertion: the editor is asked to refresh, the lens says so.
        mark = inbox.mark(REFRESH)
        save(client, stories, BUTTON_STORIES.replace('"Buy later"', '"Sell"'))
        await inbox.next(BUILD, where=lambda p: p.ok)
        await inbox.next(REFRESH, after=mark)
        lenses = await client.text_document_code_lens_async(types.CodeLensParams(document))
        assert (15, "1 failing: says_buy", "") in lens_titles(lenses)
        assert (10, "2 stories, 1 failing: says_buy", "") in lens_titles(lenses)


async def test_hover_on_story_shows_its_markup_assertions_and_page(tmp_path: Path) -> None:
    catalog = write_catalog(tmp_path)
    stories = catalog / "widgets/button/stories.py"
    document = types.TextDocumentIdentifier(uri(stories))
    async with lsp_session(tmp_path) as (client, inbox):
        url = (await inbox.next("storyville/preview")).url
        await first_build(inbox)
        found = await client.text_document_hover_async(
            types.HoverParams(document, types.Position(15, 14))  # on `Story` of "Checked"
        )
        assert found is not None and isinstance(found.contents, types.MarkupContent)
        text = found.contents.value
        assert text.startswith("**Button › Checked**\n\n1 assertion passed")
        assert "- ✓ `says_buy`" in text
        assert f"[Open the page]({url}widgets/button/1.html)" in text
        assert '```html\n<button class="btn">Buy later</button>\n```' in text
        assert found.range == types.Range(types.Position(15, 12), types.Position(15, 17))

        # Hovering the arguments is left to the Python language server.
        on_props = await client.text_document_hover_async(
            types.HoverParams(document, types.Position(17, 20))
        )
        assert on_props is None


async def test_show_story_refuses_pages_outside_the_site(tmp_path: Path) -> None:
    write_catalog(tmp_path)
    async with lsp_session(tmp_path) as (client, inbox):
        await first_build(inbox)
        for bad in ({"page": "../secret.html"}, {"page": "/etc/passwd"}, {"nope": 1}):
            answer = await client.workspace_execute_command_async(
                types.ExecuteCommandParams("storyville.showStory", [bad])
            )
            assert answer is None
        said = [m.message for m in client.messages if "showStory takes" in m.message]
        assert len(said) == 3


async def test_page_for_maps_the_cursor_to_the_page_the_preview_follows(tmp_path: Path) -> None:
    """storyville.pageFor: a stories.py's subject page and the story under the cursor; a
    section's page; a component module's subject; nothing for other files."""
    catalog = write_catalog(tmp_path)
    async with lsp_session(tmp_path) as (client, inbox):
        await first_build(inbox)

        async def page_for(path: Path, line: int) -> object:
            return await client.workspace_execute_command_async(
                types.ExecuteCommandParams("storyville.pageFor", [{"uri": uri(path), "line": line}])
            )

        stories = catalog / "widgets/button/stories.py"
        subject = "widgets/button/index.html"
        assert await page_for(stories, 0) == {"page": subject, "story": None}
        assert await page_for(stories, 14) == {"page": subject, "story": 0}  # Primary
        assert await page_for(stories, 16) == {"page": subject, "story": 1}  # in Checked
        section = catalog / "widgets/stories.py"
        assert await page_for(section, 0) == {"page": "widgets/index.html", "story": None}
        button = catalog / "widgets/button/button.py"
        assert await page_for(button, 0) == {"page": subject, "story": None}
        assert await page_for(catalog / "widgets/__init__.py", 0) is None
