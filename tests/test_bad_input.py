"""Bad input in a catalog never kills a server and is never lost: every front end shows it.

Three inputs that used to escape the error reporting: a lone surrogate in a title (no page
can encode it), a NUL byte in a stories.py and a stories.py saved as UTF-16 (Python refuses
both without saying where). The language server puts each on its file in a standard
diagnostic, `serve` and `build` print a `file:line` line, and the next good save builds.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from lsprotocol import types

from tests.helpers import CatalogDir, lab, run_cli
from tests.lsp_harness import Inbox, diagnostics_for, lsp_session, save, uri
from tests.serving import ReloadClient, ServeProcess

BUILD = "storyville/buildFinished"
DIAGNOSTICS = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
COMPONENT = (
    "from tdom import html\n\n\ndef Widget(label='fine'):\n    return html(t'<p>{label}</p>')\n"
)


def stories(package: str, story: str = "Story()", *, middle: str = "") -> str:
    """The widget's stories.py, with its one story on line 7."""
    return (
        "from storyville import Story, Subject\n"
        f"from {package}.parts.widget.comp import Widget\n"
        f"{middle}\n"
        "\n"
        "def this_subject() -> Subject:\n"
        "    return Subject(title='Widget', target=Widget, items=[\n"
        f"        {story},\n"
        "    ])\n"
    )


# Written as Python source: the file holds the escape, the title the lone surrogate.
SURROGATE = "Story(title='Odd \\ud800 one')"


def nul_stories(package: str) -> bytes:
    """A NUL byte on line 3, column 5."""
    return stories(package, middle="x = 1\0").encode()


def utf16_stories(package: str) -> bytes:
    return stories(package).encode("utf-16")  # with its byte order mark, as editors save it


@pytest.fixture
def catalog(tmp_path: Path) -> CatalogDir:
    made = lab(tmp_path, {"widget": (COMPONENT, "Widget")})
    made.write("parts/widget/stories.py", stories(made.package))
    return made


def widget_stories(catalog: CatalogDir) -> Path:
    return catalog.dir / "parts/widget/stories.py"


# --- the language server -------------------------------------------------------------------


async def built(inbox: Inbox, *, after: int = 0, ok: bool = True):
    return await inbox.next(
        BUILD, after=after, where=lambda p: p.mode != "syntax-check" and p.ok is ok
    )


async def settled(inbox: Inbox, client, path: Path, *, after: int, present: bool = True):
    await inbox.next(
        DIAGNOSTICS,
        after=after,
        where=lambda p: p.uri == uri(path) and bool(p.diagnostics) == present,
    )
    return diagnostics_for(client, path)


async def recovers(client, inbox: Inbox, catalog: CatalogDir, preview_url: str) -> None:
    """A good save clears the file's diagnostics, builds, and the page shows it."""
    path = widget_stories(catalog)
    builds, marks = inbox.mark(BUILD), inbox.mark(DIAGNOSTICS)
    save(client, path, stories(catalog.package, "Story(props={'label': 'fixed'})"))
    await built(inbox, after=builds)
    await settled(inbox, client, path, after=marks, present=False)
    page = httpx.get(preview_url + "parts/widget/0.html", timeout=10).text
    assert "<p>fixed</p>" in html.unescape(page)


async def test_lsp_a_lone_surrogate_in_a_title_builds_with_a_warning_on_the_story(
    catalog: CatalogDir,
) -> None:
    path = widget_stories(catalog)
    async with lsp_session(catalog.root, {"package": catalog.package}) as (client, inbox):
        preview = await inbox.next("storyville/preview")
        await built(inbox)
        builds, marks = inbox.mark(BUILD), inbox.mark(DIAGNOSTICS)
        save(client, path, stories(catalog.package, SURROGATE))
        finished = await built(inbox, after=builds)
        assert finished.stories == 1
        [warning] = await settled(inbox, client, path, after=marks)
        assert warning.severity == types.DiagnosticSeverity.Warning
        assert warning.range.start.line == 6  # the Story(...) line
        assert "\\ud800" in warning.message and "\ud800" not in warning.message
        page = httpx.get(preview.url + "parts/widget/0.html", timeout=10)
        assert page.status_code == 200 and "Odd \ufffd one" in page.text
        await recovers(client, inbox, catalog, preview.url)


async def test_lsp_a_nul_byte_is_a_diagnostic_where_it_is(catalog: CatalogDir) -> None:
    path = widget_stories(catalog)
    async with lsp_session(catalog.root, {"package": catalog.package}) as (client, inbox):
        preview = await inbox.next("storyville/preview")
        await built(inbox)
        marks = inbox.mark(DIAGNOSTICS)
        path.write_bytes(nul_stories(catalog.package))
        save(client, path)
        [diagnostic] = await settled(inbox, client, path, after=marks)
        assert diagnostic.severity == types.DiagnosticSeverity.Error
        assert diagnostic.code == "syntax-error"
        assert "null bytes" in diagnostic.message
        assert diagnostic.range.start == types.Position(line=2, character=5)
        await recovers(client, inbox, catalog, preview.url)


async def test_lsp_a_utf16_file_is_a_diagnostic_on_its_first_line(catalog: CatalogDir) -> None:
    path = widget_stories(catalog)
    async with lsp_session(catalog.root, {"package": catalog.package}) as (client, inbox):
        preview = await inbox.next("storyville/preview")
        await built(inbox)
        marks = inbox.mark(DIAGNOSTICS)
        path.write_bytes(utf16_stories(catalog.package))
        save(client, path)
        [diagnostic] = await settled(inbox, client, path, after=marks)
        assert diagnostic.code == "syntax-error"
        assert "UTF-16" in diagnostic.message
        assert diagnostic.range.start.line == 0
        await recovers(client, inbox, catalog, preview.url)


async def test_lsp_a_nul_byte_changed_outside_the_editor_is_on_the_imported_file(
    catalog: CatalogDir,
) -> None:
    """No save, so no syntax check: the build finds it, in the module the stories import."""
    component = catalog.dir / "parts/widget/comp.py"
    async with lsp_session(catalog.root, {"package": catalog.package}) as (client, inbox):
        await built(inbox)
        marks = inbox.mark(DIAGNOSTICS)
        component.write_bytes(b"X = 1\n\0\n" + COMPONENT.encode())
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=uri(component), type=types.FileChangeType.Changed)]
            )
        )
        [diagnostic] = await settled(inbox, client, component, after=marks)
        assert diagnostic.code == "syntax-error"
        assert diagnostic.range.start == types.Position(line=1, character=0)
        related = [
            (r.location.uri, r.location.range.start.line)
            for r in diagnostic.related_information or []
        ]
        assert (uri(widget_stories(catalog)), 1) in related  # the import of comp


# --- storyville serve ----------------------------------------------------------------------


@pytest.fixture
def serving(catalog: CatalogDir) -> Iterator[ServeProcess]:
    server = ServeProcess(catalog.root, catalog.package).start()
    yield server
    assert server.stop() == 0
    assert not any("Traceback" in line for line in server.lines), "\n".join(server.lines)


SERVE_CASES = {
    "a lone surrogate": (
        lambda package: stories(package, SURROGATE).encode(),
        r"parts/widget/stories.py:7:9: warning: Widget › Odd \ufffd one: .*'\\ud800'",
    ),
    "a NUL byte": (
        nul_stories,
        r"parts/widget/stories.py:3:6: SyntaxError: source code string cannot contain null bytes",
    ),
    "UTF-16": (utf16_stories, r"parts/widget/stories.py:1:1: SyntaxError: .*UTF-16"),
}


@pytest.mark.parametrize("case", SERVE_CASES)
async def test_serve_prints_file_and_line_and_recovers(
    serving: ServeProcess, catalog: CatalogDir, case: str
) -> None:
    content, reported = SERVE_CASES[case]
    mark = serving.mark()
    widget_stories(catalog).write_bytes(content(catalog.package))
    serving.wait_for(reported, after=mark)
    async with ReloadClient(serving.url) as reloads:
        widget_stories(catalog).write_text(
            stories(catalog.package, "Story(props={'label': 'fixed'})")
        )
        await reloads.reload()
    assert "<p>fixed</p>" in html.unescape(serving.get("parts/widget/0.html").text)


# --- storyville build ----------------------------------------------------------------------


def test_build_replaces_a_lone_surrogate_and_warns(catalog: CatalogDir) -> None:
    widget_stories(catalog).write_text(stories(catalog.package, SURROGATE))
    done = run_cli("build", catalog.package, "out", cwd=catalog.root)
    assert done.returncode == 0, done.stderr
    assert f"{catalog.package}/parts/widget/stories.py:7:9: warning: " in done.stderr
    assert "Traceback" not in done.stderr
    page = (catalog.root / "out/parts/widget/0.html").read_text(encoding="utf-8")
    assert "Odd \ufffd one" in page
    nav = (catalog.root / "out/_storyville/catalog.js").read_text(encoding="utf-8")
    assert "\\ud800" not in nav


@pytest.mark.parametrize(
    ("content", "where"),
    [
        pytest.param(nul_stories, "stories.py:3:6: SyntaxError", id="NUL byte"),
        pytest.param(utf16_stories, "stories.py:1:1: SyntaxError", id="UTF-16"),
    ],
)
def test_build_fails_with_file_and_line(catalog: CatalogDir, content, where: str) -> None:
    widget_stories(catalog).write_bytes(content(catalog.package))
    done = run_cli("build", catalog.package, "out", cwd=catalog.root)
    assert done.returncode == 1, done.stderr
    assert f"{catalog.package}/parts/widget/{where}" in done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr


def test_build_puts_a_nul_byte_in_an_imported_module_on_that_module(catalog: CatalogDir) -> None:
    (catalog.dir / "parts/widget/comp.py").write_bytes(b"X = 1\n\0\n" + COMPONENT.encode())
    done = run_cli("build", catalog.package, "out", cwd=catalog.root)
    assert done.returncode == 1, done.stderr
    assert f"{catalog.package}/parts/widget/comp.py:2:1: SyntaxError" in done.stderr
