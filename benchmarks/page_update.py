"""What the open page does with a reload message, in a real Chromium tab (issue 12 item 2).

From the reload message arriving in the page to the edited text painted: the page updated in
place (live.js fetches the page and morphs it with idiomorph) against a full reload (what
live.js did before; here forced by making the page's fetch fail, its fallback), the two
taking turns in one run on a copy of examples.huge. Both ends are timed in the page
(`performance.timeOrigin + performance.now()`): "painted" is the animation frame after the
one in which the text first appears. Usage: python -m benchmarks.page_update [--saves 12]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from playwright.async_api import async_playwright

from benchmarks.hot_reload import REPO, THINK, start, story_edits
from benchmarks.paint_probe import NO_FETCH, PROBE
from benchmarks.stats import median, p95, table

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


async def one_save(page: Any, marks: dict[str, asyncio.Future[float]], edit: Any, n: int) -> float:
    text = f"Retitled {n} now"
    loop = asyncio.get_running_loop()
    marks["message"], marks["painted"] = loop.create_future(), loop.create_future()
    await page.evaluate(f"window.name = {text!r}")
    edit.file.write_text(edit.file.read_text().replace(edit.old, f'title="{text}"'))
    async with asyncio.timeout(60):
        message = await marks["message"]
        painted = await marks["painted"]
    return painted - message


async def run(saves: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {"morph": [], "reload": []}
    with tempfile.TemporaryDirectory(prefix="storyville-page-") as scratch:
        workspace = Path(scratch)
        shutil.copytree(
            REPO / "examples", workspace / "examples", ignore=shutil.ignore_patterns("__pycache__")
        )
        server = start("storyville", workspace)
        try:
            edits = story_edits(workspace)[: 2 * saves]
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=ARGS
                )
                page = await browser.new_page(viewport={"width": 1200, "height": 800})
                marks: dict[str, asyncio.Future[float]] = {}

                def mark(_source: object, name: str, at: float) -> None:
                    if name in marks and not marks[name].done():
                        marks[name].set_result(at)

                await page.expose_binding("svMark", mark)
                await page.add_init_script(PROBE % json.dumps(server.url))
                for n, edit in enumerate(edits):
                    mode = "morph" if n % 2 == 0 else "reload"
                    await page.goto(server.url + edit.page)
                    await page.wait_for_function("window.__svHello === true", timeout=30_000)
                    if mode == "reload":
                        await page.evaluate(NO_FETCH)
                    await asyncio.sleep(THINK)  # as a person editing would leave
                    results[mode].append(await one_save(page, marks, edit, n))
                await browser.close()
        finally:
            server.stop()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--saves", type=int, default=12, help="per mode")
    args = parser.parse_args()
    results = asyncio.run(run(args.saves))
    labels = {
        "reload": "full reload (before: location.reload())",
        "morph": "in-place update (fetch + idiomorph)",
    }
    base = median(results["reload"])
    rows = [
        [labels[m], f"{median(v):.0f}", f"{p95(v):.0f}", f"{base / median(v):.1f}x", len(v)]
        for m, v in (("reload", results["reload"]), ("morph", results["morph"]))
    ]
    print("reload message → edited text painted, a story page of examples.huge in Chromium (ms)\n")
    print(table(["page update", "median", "p95", "vs reload", "saves"], rows))


if __name__ == "__main__":
    main()
