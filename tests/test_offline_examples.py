"""The example catalogs work offline: their pages, story frames and themed pages request
nothing from anywhere but the preview server (no photo services, videos or embeds)."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.async_api import BrowserContext, Request, Response, async_playwright

from tests.browser import ARGS, CHROMIUM
from tests.helpers import REPO
from tests.serving import ServeProcess

pytestmark = pytest.mark.browser

# Every outside host fails to resolve at once, so an outside request is recorded, fails and
# costs nothing, online or not (and without routing every request through Playwright).
NO_OUTSIDE_HOSTS = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
NOT_NETWORK = {"data", "about", "blob"}  # URLs the document carries itself
# The huge catalog's subjects that show pictures, clips or embedded pages: their first story
# page is visited too, besides every index, section and subject page (whose frames hold every
# story).
HUGE_MEDIA = (
    "media/",
    "layout/card/",
    "layout/hero/",
    "commerce/cart_item/",
    "commerce/product_card/",
    "data_display/avatar/",
)
# In the page and every frame it can reach: make lazy pictures and frames not yet loaded ask
# now, then wait (bounded) until each of them and every other picture has loaded or failed.
SETTLE = """async () => {
  const documents = [document];
  for (let i = 0; i < documents.length && i < 1000; i++) {
    for (const frame of documents[i].querySelectorAll("iframe")) {
      if (frame.contentDocument) documents.push(frame.contentDocument);
    }
  }
  const waits = [];
  const settled = (element) => new Promise((done) => {
    element.addEventListener("load", done);
    element.addEventListener("error", done);
  });
  for (const doc of documents) {
    for (const element of doc.querySelectorAll("[loading=lazy]")) {
      const deferred = element.contentDocument?.URL === "about:blank" && element.src;
      if (element.localName === "iframe" && deferred) waits.push(settled(element));
      element.loading = "eager";
    }
    for (const image of doc.images) if (!image.complete) waits.push(settled(image));
  }
  const bound = new Promise((done) => setTimeout(() => done(false), 10000));
  return Promise.race([Promise.all(waits).then(() => true), bound]);
}"""


@asynccontextmanager
async def offline_chromium() -> AsyncIterator[BrowserContext]:
    """tests/browser.py's Chromium, with every host but the preview server unreachable."""
    assert shutil.which(CHROMIUM), "Chromium is missing: `make test` installs Debian's package"
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=[*ARGS, NO_OUTSIDE_HOSTS]
        )
        try:
            yield await browser.new_context(viewport={"width": 1200, "height": 3000})
        finally:
            await browser.close()


def pages_to_visit(site: Path, package: str) -> list[str]:
    """Every page of the site; of the huge catalog's, all but most story pages."""
    pages = sorted(page.relative_to(site).as_posix() for page in site.rglob("*.html"))
    if package != "examples.huge":
        return pages
    return [
        page
        for page in pages
        if page.endswith("index.html") or (page.startswith(HUGE_MEDIA) and page.endswith("/0.html"))
    ]


@pytest.mark.timeout(300)
@pytest.mark.parametrize("package", ["examples.minimal", "examples.complete", "examples.huge"])
async def test_example_pages_request_only_the_preview_server(tmp_path: Path, package: str) -> None:
    site = tmp_path / "site"
    server = ServeProcess(REPO, package, ("--output", str(site))).start()
    origin = urlsplit(server.url).netloc  # 127.0.0.1:PORT
    requested: list[str] = []
    errors: list[str] = []

    def ours(url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in NOT_NETWORK or (
            parts.scheme in {"http", "ws"} and parts.netloc == origin
        )

    def on_request(request: Request) -> None:
        requested.append(request.url)

    def on_response(response: Response) -> None:
        if response.status >= 400:
            errors.append(f"{response.status} {response.url}")

    try:
        pages = pages_to_visit(site, package)
        assert "index.html" in pages, pages
        async with offline_chromium() as browser:
            browser.on("request", on_request)  # the context's: every page and frame
            browser.on("response", on_response)
            page = await browser.new_page()
            page.on("websocket", lambda socket: requested.append(socket.url))
            for path in pages:
                await page.goto(server.url + path, wait_until="load")
                assert await page.evaluate(SETTLE), f"{path}: pictures still loading after 10 s"
    finally:
        server.stop()

    assert any(url.startswith(server.url) for url in requested), "no request was recorded"
    outside = sorted({url[:120] for url in requested if not ours(url)})
    assert not outside, f"{package} requests from outside the preview server: {outside}"
    assert not errors, f"{package} requests that failed: {errors}"
