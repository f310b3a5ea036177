"""The catalog page in a narrow viewport (issue 12 item 8: the VS Code side panel, ~400–600
px): the story comes first, the navigation tree is behind a toggle, and a story frame is
sized to its content (no scrollbar around a single button)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import chromium
from tests.helpers import SIMPLE, new_catalog
from tests.serving import ServeProcess

pytestmark = pytest.mark.browser

# Inside the story frame: does its document scroll (a scrollbar around the story)?
SCROLLS = """() => {
  const root = document.querySelector("iframe.sv-canvas").contentDocument.documentElement;
  return root.scrollHeight > root.clientHeight || root.scrollWidth > root.clientWidth;
}"""


async def test_a_narrow_page_shows_the_story_first(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, SIMPLE)
    server = ServeProcess(tmp_path, catalog.package).start()
    try:
        async with chromium(tmp_path / "profile") as browser:
            page = await browser.new_page()
            await page.set_viewport_size({"width": 480, "height": 800})
            await page.goto(server.url + "widgets/button/0.html")
            await page.frame_locator("iframe.sv-canvas").get_by_text("Buy now").wait_for()
            heading = await page.locator("main h1").bounding_box()
            assert heading is not None and heading["y"] + heading["height"] <= 800
            tree = page.locator("#sv-nav")
            assert not await tree.is_visible()  # behind the toggle
            toggle = page.get_by_role("button", name="Catalog")
            await toggle.click()
            await tree.get_by_role("link", name="Secondary").wait_for()
            assert await toggle.get_attribute("aria-expanded") == "true"
            await toggle.click()
            await tree.wait_for(state="hidden", timeout=5_000)

            # The frame fits its story: once sized, nothing in it scrolls.
            await page.wait_for_function(
                "document.querySelector('iframe.sv-canvas').style.height !== ''", timeout=10_000
            )
            assert not await page.evaluate(SCROLLS)

            wide = await browser.new_page()  # tests/browser.py's 1200 x 800
            await wide.goto(server.url + "widgets/button/0.html")
            await wide.locator("#sv-nav input[type=search]").wait_for()
            assert not await wide.get_by_role("button", name="Catalog").is_visible()
    finally:
        server.stop()
