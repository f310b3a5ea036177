"""The reload socket's token in a real browser (issue 11): the preview's own page connects;
a page from another port on 127.0.0.1 can neither connect nor read the token."""

from __future__ import annotations

from pathlib import Path

import pytest
from storyville.preview.server import PreviewServer

from tests.browser import chromium

pytestmark = pytest.mark.browser

# Records which WebSockets a page opened: live.js offers nothing to observe.
RECORD_SOCKETS = """
(() => {
  const Native = window.WebSocket;
  window.opened = [];
  window.WebSocket = function (url, protocols) {
    const socket = new Native(url, protocols);
    socket.addEventListener("open", () => window.opened.push(String(url)));
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
})();
"""

# What another local page (a different port: another dev server, any local app) tries.
ATTACK = """<!DOCTYPE html><html><body><iframe id="victim" src="VICTIM/"></iframe><script>
window.results = {};
function connect(url) {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.onopen = () => { socket.close(); resolve("open"); };
    socket.onerror = () => resolve("refused");
  });
}
async function read(options) {
  try {
    const text = await (await fetch("VICTIM/", options)).text();
    return text.includes("data-token") ? "read" : "opaque";
  } catch (e) { return "blocked"; }
}
window.addEventListener("load", async () => {
  const socket = "VICTIM/".replace("http", "ws") + "ws/reload";
  results.noToken = await connect(socket);
  results.guessedToken = await connect(socket + "?token=guess");
  results.fetch = await read({});
  results.noCors = await read({ mode: "no-cors" });
  try {
    results.frame = document.getElementById("victim").contentDocument.body.innerHTML.includes("data-token") ? "read" : "opaque";
  } catch (e) { results.frame = "blocked"; }
  results.done = true;
});
</script></body></html>"""


async def test_only_the_previews_own_pages_open_its_socket(tmp_path: Path) -> None:
    victim_site = tmp_path / "victim"
    victim_site.mkdir()
    (victim_site / "index.html").write_text("<html><body>the catalog</body></html>")
    attacker_site = tmp_path / "attacker"
    attacker_site.mkdir()
    victim = PreviewServer(victim_site, port=0)
    await victim.start()
    (attacker_site / "index.html").write_text(ATTACK.replace("VICTIM/", victim.url))
    attacker = PreviewServer(attacker_site, port=0)
    await attacker.start()
    try:
        async with chromium(tmp_path / "profile") as browser:
            await browser.add_init_script(RECORD_SOCKETS)
            page = await browser.new_page()
            await page.goto(victim.url)
            await page.wait_for_function("window.opened.length === 1")
            assert f"?token={victim.policy.token}" in await page.evaluate("window.opened[0]")

            evil = await browser.new_page()
            await evil.goto(attacker.url)
            await evil.wait_for_function("window.results.done === true")
            results = await evil.evaluate("window.results")
        assert results == {
            "noToken": "refused",
            "guessedToken": "refused",
            "fetch": "blocked",  # no CORS header: the page cannot read our response
            "noCors": "opaque",
            "frame": "blocked",
            "done": True,
        }
    finally:
        await attacker.stop()
        await victim.stop()
