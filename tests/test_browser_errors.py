"""While the latest build fails, a banner over the last good page lists its errors (issue 12
item 4): each error's kind, file:line and message, the old content still under it; the next
good build takes it down. Source locations carry data-file/data-line, and a page framed (as
by the VS Code webview) posts `storyville.openSource` to its parent when one is clicked."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import chromium
from tests.helpers import ROOT_STORIES, SECTION, new_catalog
from tests.serving import ServeProcess

pytestmark = pytest.mark.browser

COMPONENT = """from tdom import html

def Badge(text="ok"):
    return html(t'<span>badge-{text}</span>')
"""
BROKEN = COMPONENT.replace("    return", "    raise ValueError('broken on purpose')\n    return")
STORIES = """
    from storyville import Story, Subject
    from .comp import Badge

    def this_subject() -> Subject:
        return Subject(title="Badge", target=Badge, items=[Story(title="Plain")])
"""


async def test_a_failing_build_shows_a_banner_over_the_last_good_page(tmp_path: Path) -> None:
    catalog = new_catalog(
        tmp_path,
        {
            "stories.py": ROOT_STORIES,
            "parts/stories.py": SECTION,
            "parts/badge/comp.py": COMPONENT,
            "parts/badge/stories.py": STORIES,
        },
    )
    component = catalog.dir / "parts/badge/comp.py"
    server = ServeProcess(tmp_path, catalog.package).start()
    try:
        async with chromium(tmp_path / "profile") as browser:
            page = await browser.new_page()
            await page.goto(server.url + "parts/badge/0.html")
            canvas = page.frame_locator("iframe.sv-canvas")
            await canvas.get_by_text("badge-ok").wait_for()
            await page.evaluate("window.marker = 'same page'")

            component.write_text(BROKEN)
            banner = page.locator("#sv-errors")
            await banner.wait_for(timeout=30_000)
            item = banner.locator("li").first
            assert await item.locator(".sv-kind").text_content() == "exception"
            location = item.locator("a[data-file]")
            shown = f"{catalog.package}/parts/badge/comp.py:4"
            assert await location.text_content() == shown
            assert await location.get_attribute("data-file") == str(component)
            assert await location.get_attribute("data-line") == "4"
            assert "broken on purpose" in (await item.text_content() or "")
            await canvas.get_by_text("badge-ok").wait_for()  # the last good page, under it
            assert await page.evaluate("window.marker") == "same page"

            # Fixed: the same bytes as the last good build (no page changes), the banner goes.
            component.write_text(COMPONENT)
            await banner.wait_for(state="detached", timeout=30_000)
            assert await page.evaluate("window.marker") == "same page"

            # The source hint on a story page is such a link too; framed, a click posts it.
            hint = page.locator("a.sv-source-link")
            shown = await hint.text_content() or ""
            assert shown.endswith("parts/badge/stories.py:5")
            # Relative, as shown: a published site names no path of the machine it was built on.
            relative = str((catalog.dir / "parts/badge/stories.py").relative_to(catalog.dir.parent))
            assert await hint.get_attribute("data-file") == relative == shown.removesuffix(":5")
            framing = await browser.new_page()
            await framing.set_content(
                f'<iframe src="{server.url}parts/badge/0.html" style="width:900px;height:600px">'
                "</iframe><script>window.got = [];"
                "addEventListener('message', (e) => { if (e.data.type) got.push(e.data); });"
                "</script>"
            )
            framed = framing.frame_locator("iframe")
            await framed.locator("html.sv-framed").wait_for(state="attached", timeout=15_000)
            await framed.locator("a.sv-source-link").click(timeout=15_000)
            await framing.wait_for_function(
                "got.some((m) => m.type === 'storyville.openSource')", timeout=5_000
            )
            opened = await framing.evaluate("got.find((m) => m.type === 'storyville.openSource')")
            assert opened == {
                "type": "storyville.openSource",
                "file": relative,
                "line": 5,
            }
    finally:
        server.stop()
