"""The pages' live-reload script in a real browser (issue 3): update after a good build with
the scroll position kept (in place; a reload without idiomorph), nothing after a failed one,
reconnection after a restart."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.browser import chromium
from tests.helpers import ROOT_STORIES, SECTION, new_catalog
from tests.serving import ServeProcess

pytestmark = pytest.mark.browser

COMPONENT = "from tdom import html\n\ndef Tile(n=0):\n    return html(t'<div style=\"height:120px\">tile-v1 {n}</div>')\n"
STORIES = """
    from storyville import Story, Subject
    from .comp import Tile

    def this_subject() -> Subject:
        return Subject(title="Tiles", target=Tile,
                       items=[Story(title=f"Tile {n}", props={"n": n}) for n in range(30)])
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_reload_keeps_scroll_ignores_failures_and_survives_restarts(tmp_path: Path) -> None:
    catalog = new_catalog(
        tmp_path,
        {
            "stories.py": ROOT_STORIES,
            "parts/stories.py": SECTION,
            "parts/tiles/comp.py": COMPONENT,
            "parts/tiles/stories.py": STORIES,
        },
    )
    component = catalog.dir / "parts/tiles/comp.py"
    port = str(free_port())
    server = ServeProcess(tmp_path, catalog.package, ("--port", port)).start()
    try:
        async with chromium(tmp_path / "profile") as browser:
            page = await browser.new_page()
            await page.goto(server.url + "parts/tiles/")
            canvas = page.frame_locator("iframe.sv-canvas").nth(20)
            await canvas.get_by_text("tile-v1 20").wait_for()
            await page.evaluate("window.scrollTo(0, 2000); window.marker = 'same page'")
            await page.wait_for_function("window.scrollY === 2000")

            # A failed build: the browser keeps the page (no reload at all).
            mark = server.mark()
            component.write_text(COMPONENT.replace("def Tile(n=0):", "def Tile(n=0:"))
            server.wait_for(r"SyntaxError", after=mark)
            assert await page.evaluate("window.marker") == "same page"

            # A good build: the page is updated in place (no reload: the marker stays), shows
            # the change and keeps its scroll position.
            component.write_text(COMPONENT.replace("tile-v1", "tile-v2"))
            await canvas.get_by_text("tile-v2 20").wait_for(timeout=30_000)
            assert await page.evaluate("window.marker") == "same page"
            await page.wait_for_function("window.scrollY === 2000", timeout=10_000)

            # Without idiomorph (say it failed to load) the page falls back to a reload.
            await page.evaluate("window.Idiomorph = undefined")
            component.write_text(COMPONENT.replace("tile-v1", "tile-v2b"))
            await canvas.get_by_text("tile-v2b 20").wait_for(timeout=30_000)
            assert await page.evaluate("window.marker") is None  # it did reload
            await page.wait_for_function("window.scrollY === 2000", timeout=10_000)

            # The server restarts (same port): the page reconnects and reloads by itself.
            server.stop()
            component.write_text(COMPONENT.replace("tile-v1", "tile-v3"))
            await page.evaluate("window.marker = 'before restart'")
            server = ServeProcess(tmp_path, catalog.package, ("--port", port)).start()
            await canvas.get_by_text("tile-v3 20").wait_for(timeout=30_000)
            assert await page.evaluate("window.marker") is None
    finally:
        server.stop()
