"""An edit updates the open page in place (issue 12 item 2): live.js fetches the page and
morphs it with idiomorph, so the scroll position, focus and an open <details> stay, and a
story frame whose story did not change is not reloaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import chromium
from tests.helpers import ROOT_STORIES, SECTION, new_catalog
from tests.serving import ServeProcess

pytestmark = pytest.mark.browser

COMPONENT = """from tdom import html

def Tall(label="tall"):
    return html(t'<div style="height:2500px">{label}</div>')
"""
STORIES = """
    from storyville import Story, Subject
    from .comp import Tall

    def this_subject() -> Subject:
        return Subject(title="Tall", target=Tall, items=[
            Story(title="Tall one", description="first text", props={"label": "frame-text"}),
        ])
"""

STATE = """() => {
  const details = [...document.querySelectorAll("main details")].find((d) => d.textContent.includes("HTML"));
  return {
    marker: window.marker ?? null,
    scrollY: window.scrollY,
    open: details.open,
    focused: document.activeElement === details.querySelector("summary"),
    frame: document.querySelector("iframe.sv-canvas").contentWindow.marker ?? null,
  };
}"""


async def test_an_edit_morphs_the_page_in_place(tmp_path: Path) -> None:
    catalog = new_catalog(
        tmp_path,
        {
            "stories.py": ROOT_STORIES,
            "parts/stories.py": SECTION,
            "parts/tall/comp.py": COMPONENT,
            "parts/tall/stories.py": STORIES,
        },
    )
    stories = catalog.dir / "parts/tall/stories.py"
    server = ServeProcess(tmp_path, catalog.package).start()
    try:
        async with chromium(tmp_path / "profile") as browser:
            page = await browser.new_page()
            await page.goto(server.url + "parts/tall/0.html")
            await page.frame_locator("iframe.sv-canvas").get_by_text("frame-text").wait_for()
            await page.wait_for_function(  # sized to its content (2500 px and the padding)
                "document.querySelector('iframe.sv-canvas').offsetHeight > 2500", timeout=10_000
            )
            summary = page.locator("main details > summary", has_text="HTML")
            await summary.click()
            await page.evaluate(
                """() => {
                  document.querySelector("iframe.sv-canvas").contentWindow.marker = "kept";
                  window.marker = "same page";
                  document.querySelector("main details > summary").focus({preventScroll: true});
                  window.scrollTo(0, 1500);
                }"""
            )
            await page.wait_for_function("window.scrollY === 1500", timeout=5_000)
            before = await page.evaluate(STATE)
            assert before == {
                "marker": "same page",
                "scrollY": 1500,
                "open": True,
                "focused": True,
                "frame": "kept",
            }

            stories.write_text(stories.read_text().replace("first text", "second text"))
            await page.get_by_text("second text").wait_for(timeout=30_000)
            # Updated in place: the same window, where the reader left it, and the frame
            # (its story unchanged) not reloaded.
            assert await page.evaluate(STATE) == before

            # A story whose markup changes: its frame gets the new document.
            component = catalog.dir / "parts/tall/comp.py"
            component.write_text(COMPONENT.replace("2500px", "2400px"))
            canvas = page.frame_locator("iframe.sv-canvas")
            await page.wait_for_function(
                "document.querySelector('iframe.sv-canvas').contentWindow.marker === undefined",
                timeout=30_000,
            )
            await canvas.get_by_text("frame-text").wait_for()
            assert await page.evaluate("window.marker") == "same page"
    finally:
        server.stop()
