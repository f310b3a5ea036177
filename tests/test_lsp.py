"""`storyville lsp` end to end over stdio: the real server, pytest-lsp's client."""

from __future__ import annotations

import asyncio
import html
import re
import socket
from pathlib import Path
from typing import Any

import httpx
import pytest
from lsprotocol import types

from tests.lsp_harness import Inbox, diagnostics_for, lsp_session, save, uri
from tests.serving import ReloadClient

BUILD = "storyville/buildFinished"
DIAGNOSTICS = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS

BUTTON = """\
from tdom import html

LABEL = "Café 😀"


def Button(label: str = LABEL):
    return html(t'<button class="btn">{label}</button>')
"""

BUTTON_STORIES = """\
from storyville import Story, Subject

from .button import Button


def says_buy(el):
    assert "Buy" in str(el), "the label should say Buy"


def this_subject() -> Subject:
    return Subject(
        title="Button",
        target=Button,
        items=[
            Story(title="Primary", props={"label": "Buy now"}),
            Story(
                title="Checked",
                props={"label": "Buy later"},
                assertions=[says_buy],
            ),
        ],
    )
"""


def write_catalog(root: Path) -> Path:
    files = {
        "shop/__init__.py": "",
        "shop/stories.py": "from storyville import Catalog\n\n\ndef this_catalog() -> Catalog:\n"
        '    return Catalog(title="Shop")\n',
        "shop/widgets/__init__.py": "",
        "shop/widgets/stories.py": "from storyville import Section\n\n\ndef this_section() -> Section:\n"
        '    return Section(title="Widgets")\n',
        "shop/widgets/button/__init__.py": "",
        "shop/widgets/button/button.py": BUTTON,
        "shop/widgets/button/stories.py": BUTTON_STORIES,
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root / "shop"


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


async def first_build(inbox: Inbox) -> Any:
    """The first storyville/buildFinished (pygls hands notifications over as attribute objects)."""
    result = await inbox.next(BUILD)
    assert result.ok, result.errors
    return result


async def diagnostics_settle(
    inbox: Inbox, client, path: Path, *, after: int, present: bool = True
) -> list[types.Diagnostic]:
    await inbox.next(
        DIAGNOSTICS,
        after=after,
        where=lambda p: p.uri == uri(path) and bool(p.diagnostics) == present,
    )
    return diagnostics_for(client, path)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    return write_catalog(tmp_path)


async def test_announces_the_preview_and_serves_the_catalog(shop: Path) -> None:
    async with lsp_session(shop.parent, {"package": "shop"}) as (client, inbox):
        preview = await inbox.next("storyville/preview")
        await first_build(inbox)
        page = httpx.get(preview.url + "widgets/button/0.html", timeout=10)
        assert page.status_code == 200
        assert "Buy now" in html.unescape(page.text)
        shown = client.shown_documents
        assert [(d.uri, d.external, d.take_focus) for d in shown] == [(preview.url, True, False)]
        url = await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="storyville.previewUrl")
        )
        assert url == preview.url


@pytest.mark.parametrize("capabilities", ["neovim@v0.7.0", "emacs@v29.1"])
async def test_clients_that_cannot_open_a_browser_are_told_the_url(
    shop: Path, capabilities: str
) -> None:
    """Neovim 0.7 says showDocument support: false, eglot says nothing: a message instead."""
    async with lsp_session(shop.parent, {"package": "shop"}, capabilities) as (client, inbox):
        url = (await inbox.next("storyville/preview")).url
        await first_build(inbox)
        messages = [m.message for m in client.messages]
        assert f"storyville: the preview is at {url}" in messages


async def test_without_package_the_catalog_is_found_and_show_document_can_be_off(
    shop: Path,
) -> None:
    async with lsp_session(shop.parent, {"showDocument": False}) as (client, inbox):
        await first_build(inbox)
        assert client.shown_documents == []
        assert any("catalog shop" in m.message for m in client.log_messages)


async def test_several_catalogs_are_listed_for_the_editor_to_ask_which(shop: Path) -> None:
    """`storyville.catalogs` lists what the workspace holds and names the one built; the
    `package` option (what VS Code sends after the user picked one) builds another."""
    admin = shop.parent / "admin"
    admin.mkdir()
    (admin / "__init__.py").write_text("")
    (admin / "stories.py").write_text((shop / "stories.py").read_text().replace("Shop", "Admin"))
    listed = [
        {"package": "admin", "root": str(shop.parent)},
        {"package": "shop", "root": str(shop.parent)},
    ]
    for package, active in ((None, "admin"), ("shop", "shop")):
        options = {"package": package} if package else {}
        async with lsp_session(shop.parent, options) as (client, inbox):
            await first_build(inbox)
            found = await client.workspace_execute_command_async(
                types.ExecuteCommandParams(command="storyville.catalogs")
            )
            assert found == {"active": active, "catalogs": listed}
            if package is None:
                assert any("found 2 catalogs" in m.message for m in client.log_messages)


async def test_syntax_error_is_published_at_once_at_its_utf16_range(shop: Path) -> None:
    button = shop / "widgets/button/button.py"
    async with lsp_session(shop.parent, {"package": "shop"}) as (client, inbox):
        await first_build(inbox)
        mark = inbox.mark(DIAGNOSTICS)
        builds = inbox.mark(BUILD)
        broken = BUTTON.replace('LABEL = "Café 😀"', 'LABEL = "Café 😀"; oops = (1 +* 2)')
        save(client, button, broken)
        [diagnostic] = await diagnostics_settle(inbox, client, button, after=mark)
        line = broken.splitlines()[2]
        column = utf16(line[: line.index("*")])
        assert diagnostic.range.start == types.Position(line=2, character=column)
        assert diagnostic.range.end == types.Position(line=2, character=column + 1)
        assert diagnostic.severity == types.DiagnosticSeverity.Error
        assert (diagnostic.source, diagnostic.code) == ("storyville", "syntax-error")
        finished = await inbox.next(BUILD, after=builds)
        assert (finished.ok, finished.mode) == (False, "syntax-check")  # no build was run

        mark = inbox.mark(DIAGNOSTICS)
        save(client, button, BUTTON)
        assert await diagnostics_settle(inbox, client, button, after=mark, present=False) == []


async def test_columns_follow_a_negotiated_utf8_encoding(shop: Path) -> None:
    button = shop / "widgets/button/button.py"
    session = lsp_session(shop.parent, {"package": "shop"}, position_encodings=["utf-8"])
    async with session as (client, inbox):
        await first_build(inbox)
        mark = inbox.mark(DIAGNOSTICS)
        broken = BUTTON.replace('LABEL = "Café 😀"', 'LABEL = "Café 😀"; oops = (1 +* 2)')
        save(client, button, broken)
        [diagnostic] = await diagnostics_settle(inbox, client, button, after=mark)
        line = broken.splitlines()[2]
        column = len(line[: line.index("*")].encode("utf-8"))  # bytes: é is 2, 😀 is 4
        assert diagnostic.range.start == types.Position(line=2, character=column)


async def test_import_errors_point_at_the_import_in_the_importing_file(shop: Path) -> None:
    stories = shop / "widgets/button/stories.py"
    button = shop / "widgets/button/button.py"
    async with lsp_session(shop.parent, {"package": "shop"}) as (client, inbox):
        await first_build(inbox)
        mark = inbox.mark(DIAGNOSTICS)
        save(client, stories, BUTTON_STORIES.replace("import Button", "import Button, Missing"))
        [diagnostic] = await diagnostics_settle(inbox, client, stories, after=mark)
        line = "from .button import Button, Missing"
        assert diagnostic.range.start == types.Position(line=2, character=line.index("Missing"))
        assert diagnostic.range.end == types.Position(line=2, character=len(line))
        assert diagnostic.code == "import-error"
        assert "cannot import name 'Missing'" in diagnostic.message

        save(client, stories, BUTTON_STORIES)
        mark = inbox.mark(DIAGNOSTICS)
        save(client, button, "import not_a_module\n" + BUTTON)
        [diagnostic] = await diagnostics_settle(inbox, client, button, after=mark)
        assert diagnostic.range.start == types.Position(line=0, character=7)
        assert diagnostic.range.end == types.Position(line=0, character=19)
        assert "No module named 'not_a_module'" in diagnostic.message
        assert diagnostics_for(client, stories) == []


async def test_render_exception_at_the_users_frame_naming_the_story(shop: Path) -> None:
    button = shop / "widgets/button/button.py"
    async with lsp_session(shop.parent, {"package": "shop"}) as (client, inbox):
        await first_build(inbox)
        mark = inbox.mark(DIAGNOSTICS)
        failing = BUTTON.replace(
            "    return html(",
            '    if label == "Buy now":\n        raise ValueError("no")\n    return html(',
        )
        save(client, button, failing)
        [diagnostic] = await diagnostics_settle(inbox, client, button, after=mark)
        raise_line = failing.splitlines().index('        raise ValueError("no")')
        assert diagnostic.range.start == types.Position(line=raise_line, character=8)
        assert diagnostic.code == "exception"
        assert "ValueError: no" in diagnostic.message
        assert "Button › Primary" in diagnostic.message
        assert "Buy now" in html.unescape(
            httpx.get((await inbox.next("storyville/preview")).url + "widgets/button/0.html").text
        )  # the last good preview stays


async def test_failed_assertion_is_a_warning_on_the_story(shop: Path) -> None:
    stories = shop / "widgets/button/stories.py"
    async with lsp_session(shop.parent, {"package": "shop"}) as (client, inbox):
        await first_build(inbox)
        mark = inbox.mark(DIAGNOSTICS)
        failing = BUTTON_STORIES.replace('"label": "Buy later"', '"label": "Sell"')
        save(client, stories, failing)
        [diagnostic] = await diagnostics_settle(inbox, client, stories, after=mark)
        lines = failing.splitlines()
        start = next(i for i, t in enumerate(lines) if 'title="Checked"' in t) - 1
        assert diagnostic.range.start == types.Position(line=start, character=12)
        assert diagnostic.range.end == types.Position(line=start + 4, character=13)
        assert diagnostic.severity == types.DiagnosticSeverity.Warning
        assert diagnostic.code == "assertion-failed"
        assert "says_buy failed: the label should say Buy" in diagnostic.message
        [related] = diagnostic.related_information or []
        assert related.location.range.start.line == 6  # the failing assert


async def test_catalog_structure_error_is_on_the_stories_file(shop: Path) -> None:
    extra = shop / "widgets/badge/stories.py"
    async with lsp_session(shop.parent, {"package": "shop"}) as (client, inbox):
        await first_build(inbox)
        mark = inbox.mark(DIAGNOSTICS)
        extra.parent.mkdir()
        (extra.parent / "__init__.py").write_text("")
        save(
            client,
            extra,
            "from storyville import Subject\n\n\ndef this_subject():\n    return 42\n",
        )
        [diagnostic] = await diagnostics_settle(inbox, client, extra, after=mark)
        assert diagnostic.code == "catalog-structure"
        assert diagnostic.range.start == types.Position(line=3, character=4)
        assert "this_subject() returned int, expected Subject" in diagnostic.message


async def test_reload_reaches_a_websocket_client_and_the_page_changes(shop: Path) -> None:
    button = shop / "widgets/button/button.py"
    async with lsp_session(shop.parent, {"package": "shop"}) as (client, inbox):
        preview = await inbox.next("storyville/preview")
        await first_build(inbox)
        async with ReloadClient(preview.url) as reloads:
            save(client, button, BUTTON.replace('class="btn"', 'class="btn btn-new"'))
            message = await reloads.reload()
        assert "widgets/button/0.html" in message["pages"]
        page = httpx.get(preview.url + "widgets/button/0.html", timeout=10).text
        assert 'class="btn btn-new"' in html.unescape(page)


async def test_a_syntax_error_reaches_the_open_pages_and_goes_with_the_fix(shop: Path) -> None:
    """No build runs on a syntax error, but the pages' banner learns of it all the same."""
    button = shop / "widgets/button/button.py"
    async with lsp_session(shop.parent, {"package": "shop"}) as (client, inbox):
        preview = await inbox.next("storyville/preview")
        await first_build(inbox)
        async with ReloadClient(preview.url) as socket:
            save(client, button, BUTTON.replace("def Button(", "def Button(("))
            [error] = (await socket.next("errors"))["errors"]
            assert (error["kind"], error["file"], error["line"]) == ("syntax-error", str(button), 6)
            save(client, button, BUTTON)
            assert (await socket.next("errors"))["errors"] == []


async def test_save_storm_ends_with_the_last_save_shown(shop: Path) -> None:
    button = shop / "widgets/button/button.py"
    async with lsp_session(shop.parent, {"package": "shop"}) as (client, inbox):
        preview = await inbox.next("storyville/preview")
        await first_build(inbox)
        for n in range(50):  # 50 saves in about a second
            save(client, button, BUTTON.replace('class="btn"', f'class="btn v{n}"'))
            await asyncio.sleep(0.02)
        final = await inbox.next(
            BUILD,
            where=lambda r: r.ok and r.mode == "partial" and _shows(preview.url, 'class="btn v49"'),
        )
        assert final.ok
        builds = len(inbox.items[BUILD])
        assert builds < 30, f"{builds} builds for 50 saves: saves were not coalesced"
        open_now = peak = 0
        for _, kind in inbox.progress:
            open_now += {"begin": 1, "end": -1}.get(kind, 0)
            peak = max(peak, open_now)
        assert 1 <= peak <= 2


def send_raw(client, body: bytes) -> None:
    """Bytes straight onto the wire, bypassing the client's own (typed) serialisation."""
    client.protocol.writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))


def _shows(url: str, text: str) -> bool:
    return text in html.unescape(httpx.get(url + "widgets/button/0.html", timeout=10).text)


async def test_progress_reports_each_build(shop: Path) -> None:
    async with lsp_session(shop.parent, {"package": "shop"}) as (_client, inbox):
        await first_build(inbox)
        await inbox.next(types.PROGRESS, where=lambda p: p.value.get("kind") == "end")
        kinds = [kind for _, kind in inbox.progress]
        assert kinds[0] == "begin" and kinds[-1] == "end"
        assert "report" in kinds


async def test_rebuild_command_runs_a_full_build(shop: Path) -> None:
    async with lsp_session(shop.parent, {"package": "shop"}) as (client, inbox):
        await first_build(inbox)
        result = await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="storyville.rebuild")
        )
        assert result is not None
        assert (result["ok"], result["mode"], result["stories"]) == (True, "full", 2)


async def test_changes_outside_the_editor_arrive_as_watched_files(shop: Path) -> None:
    button = shop / "widgets/button/button.py"
    async with lsp_session(shop.parent, {"package": "shop"}) as (client, inbox):
        preview = await inbox.next("storyville/preview")
        await first_build(inbox)
        await inbox.next(types.CLIENT_REGISTER_CAPABILITY)
        [registration] = inbox.registrations
        assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        watchers = registration.register_options["watchers"]  # type: ignore[index]
        # VS Code 1.65 has no relative-pattern support: the glob is absolute
        assert f"{shop}/**/*" in [w["globPattern"] for w in watchers]
        mark = inbox.mark(BUILD)
        button.write_text(BUTTON.replace('class="btn"', 'class="btn git"'))  # e.g. a checkout
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=uri(button), type=types.FileChangeType.Changed)]
            )
        )
        await inbox.next(BUILD, after=mark)
        assert _shows(preview.url, 'class="btn git"')


async def test_clients_that_cannot_watch_get_watchfiles(shop: Path) -> None:
    button = shop / "widgets/button/button.py"
    async with lsp_session(shop.parent, {"package": "shop"}, "neovim@0.7.0") as (_c, inbox):
        preview = await inbox.next("storyville/preview")
        await first_build(inbox)
        mark = inbox.mark(BUILD)
        button.write_text(BUTTON.replace('class="btn"', 'class="btn outside"'))  # no didSave
        await inbox.next(BUILD, after=mark)
        assert _shows(preview.url, 'class="btn outside"')
        assert inbox.registrations == []


async def test_bad_input_never_stops_the_server(shop: Path, tmp_path: Path) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-elsewhere.py"
    outside.write_text("x = (\n")
    latin1 = shop / "widgets/button/latin1.py"
    async with lsp_session(shop.parent, {"package": "shop", "bogus": 1}) as (client, inbox):
        await first_build(inbox)
        save(client, outside)  # outside the workspace: ignored
        save(client, shop / "notes.txt", "not python")  # another language
        latin1.write_bytes("x = 'caf\xe9'\n".encode("latin-1"))  # not UTF-8, no coding line
        mark = inbox.mark(DIAGNOSTICS)
        save(client, latin1)
        [diagnostic] = await diagnostics_settle(inbox, client, latin1, after=mark)
        assert "utf-8" in diagnostic.message.lower()
        send_raw(client, b'{"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {}}')
        send_raw(client, b'{"jsonrpc": "2.0", "method": "textDocu')  # cut off mid-message
        with pytest.raises(Exception, match=r"not found|Method Not Found"):
            await client.protocol.send_request_async("storyville/noSuchThing", {})
        url = await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="storyville.previewUrl")
        )
        assert isinstance(url, str) and url.startswith("http://127.0.0.1:")
        assert any(
            "unknown initialization option 'bogus'" in m.message for m in client.log_messages
        )


async def test_a_missing_package_is_reported_and_the_server_keeps_answering(tmp_path: Path) -> None:
    async with lsp_session(tmp_path, {"package": "no_such_catalog"}) as (client, _inbox):
        url = await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="storyville.previewUrl")
        )
        assert url is None
        assert any("no package 'no_such_catalog'" in m.message for m in client.messages)


async def test_shutdown_stops_the_preview_and_exits_cleanly(shop: Path) -> None:
    async with lsp_session(shop.parent, {"package": "shop"}) as (client, inbox):
        preview = await inbox.next("storyville/preview")
        await first_build(inbox)
        port = int(re.search(r":(\d+)/", preview.url).group(1))  # type: ignore[union-attr]
        server = client._server
    assert server is not None and server.returncode == 0
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0  # nothing listens any more


@pytest.mark.parametrize("options", [{"package": "shop"}, {}])
async def test_a_workspace_opened_below_the_catalog_still_finds_it(shop: Path, options) -> None:
    """Editors without a project root may make the file's own directory the workspace."""
    async with lsp_session(shop / "widgets/button", {**options, "showDocument": False}) as (
        _client,
        inbox,
    ):
        result = await first_build(inbox)
        assert result.stories == 2
