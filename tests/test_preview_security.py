"""The preview server is hardened like a local dev server should be."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import websockets
from storyville.preview.app import LIVE_NAME
from storyville.preview.server import PreviewServer
from websockets.exceptions import InvalidStatus

from tests.helpers import hostile_site


@pytest.fixture
async def preview(tmp_path: Path) -> AsyncIterator[PreviewServer]:
    site = hostile_site(tmp_path)
    server = PreviewServer(site, port=0)
    await server.start()
    yield server
    await server.stop()


async def raw_get(server: PreviewServer, target: str, host: str | None = None) -> tuple[int, str]:
    """A request with the path exactly as given (HTTP clients normalise `..` away)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    host = host or f"127.0.0.1:{server.port}"
    writer.write(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    data = await reader.read()
    writer.close()
    head, _, body = data.decode(errors="replace").partition("\r\n\r\n")
    return int(head.split()[1]), body


async def page_token(server: PreviewServer, target: str = "/") -> str:
    """The reload socket's token as a page carries it: what live.js reads."""
    status, body = await raw_get(server, target)
    assert status in (200, 503), body
    found = re.findall(
        r'_storyville/live\.[0-9a-f]{10}\.js" data-version="\d+" data-token="([^"]+)"', body
    )
    assert len(found) == 1, body
    return found[0]


async def test_serves_pages_with_the_live_script(preview: PreviewServer) -> None:
    status, body = await raw_get(preview, "/inner/")
    assert status == 200 and "inner" in body
    token = preview.policy.token
    assert body.index(
        f'<script src="../_storyville/{LIVE_NAME}" data-version="0" data-token="{token}"></script>'
    ) < body.index("</body>")
    assert (await raw_get(preview, "/alias.html"))[0] == 200  # a link inside the site is fine


@pytest.mark.parametrize(
    "target",
    [
        "/../secret.txt",
        "/inner/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2fsecret.txt",
        "/inner/..%5c..%5csecret.txt",
        "/./../secret.txt",
        "/%252e%252e/secret.txt",
        "/leak.txt",
        "/leakdir/",
        "/leakdir/index.html",
        "/index.html%00.txt",
    ],
)
async def test_nothing_outside_the_site_is_served(preview: PreviewServer, target: str) -> None:
    status, body = await raw_get(preview, target)
    assert status in (400, 403, 404)
    assert "SECRET" not in body and "OUTSIDE" not in body


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:{port}", "10.0.0.1:{port}", "127.0.0.1.evil.example"]
)
async def test_foreign_host_headers_are_refused(preview: PreviewServer, host: str) -> None:
    status, _ = await raw_get(preview, "/", host=host.format(port=preview.port))
    assert status == 403


@pytest.mark.parametrize(
    "host",
    # any port: an editor's port-forwarding proxy (code-server's /proxy/PORT/) keeps its own
    ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}", "127.0.0.1:8080", "[::1]:9"],
)
async def test_own_host_names_are_accepted(preview: PreviewServer, host: str) -> None:
    status, _ = await raw_get(preview, "/", host=host.format(port=preview.port))
    assert status == 200


def reload_url(server: PreviewServer, token: str | None) -> str:
    query = "" if token is None else f"?token={token}"
    return f"ws://127.0.0.1:{server.port}/ws/reload{query}"


async def refused(url: str, origin: str | None) -> int:
    headers = {"Origin": origin} if origin else None
    with pytest.raises(InvalidStatus) as refusal:
        await websockets.connect(url, additional_headers=headers)
    return refusal.value.response.status_code


OWN_ORIGINS = [
    "http://127.0.0.1:{port}",
    "http://localhost:{port}",
    "http://127.0.0.1:8080",  # our pages through a port-forwarding proxy (code-server)
    "vscode-webview://1a2b3c",
]


@pytest.mark.parametrize("origin", OWN_ORIGINS)
async def test_a_page_socket_with_its_token_is_accepted(
    preview: PreviewServer, origin: str
) -> None:
    token = await page_token(preview, "/inner/")
    headers = {"Origin": origin.format(port=preview.port)}
    async with websockets.connect(reload_url(preview, token), additional_headers=headers) as ws:
        assert json.loads(await ws.recv())["type"] == "hello"


@pytest.mark.parametrize("origin", OWN_ORIGINS)
@pytest.mark.parametrize("token", [None, "", "wrong", "ünïcode", "{token}x"])
async def test_a_browser_socket_without_the_token_is_refused(
    preview: PreviewServer, origin: str, token: str | None
) -> None:
    """Any page on 127.0.0.1 (another port: another dev server, a local app) and any
    extension's webview passes the Origin check; none of them can read our pages' token."""
    real = await page_token(preview)
    guess = None if token is None else token.format(token=real)
    assert await refused(reload_url(preview, guess), origin.format(port=preview.port)) == 403
    assert (await raw_get(preview, "/"))[0] == 200  # still serving


@pytest.mark.parametrize(
    "origin",
    [
        "http://evil.example",
        "http://evil.example:{port}",
        "http://localhost.evil.example",
        "null",
    ],
)
async def test_foreign_origins_are_refused_even_with_the_token(
    preview: PreviewServer, origin: str
) -> None:
    token = await page_token(preview)
    assert await refused(reload_url(preview, token), origin.format(port=preview.port)) == 403


async def test_a_client_that_is_not_a_browser_needs_no_token(preview: PreviewServer) -> None:
    """No Origin: not a browser, so not held by the same-origin policy; it could read the
    token from any page, so asking for it would protect nothing (Vite decides the same)."""
    async with websockets.connect(reload_url(preview, None)) as socket:
        assert '"hello"' in str(await socket.recv())


async def test_each_server_has_its_own_token(tmp_path: Path, preview: PreviewServer) -> None:
    other = PreviewServer(tmp_path / "site", port=0)
    await other.start()
    try:
        token = await page_token(preview)
        assert await page_token(other) != token
        origin = f"http://127.0.0.1:{other.port}"
        assert await refused(reload_url(other, token), origin) == 403
    finally:
        await other.stop()


async def test_the_token_is_on_pages_only(tmp_path: Path, preview: PreviewServer) -> None:
    """live.js can be loaded by any site's <script> tag: it must not carry the token; the
    waiting page (no good build yet) carries it, or its socket could never connect."""
    token = preview.policy.token
    status, script = await raw_get(preview, "/_storyville/live.js")
    assert status == 200 and token not in script
    waiting = PreviewServer(tmp_path / "empty", port=0)
    await waiting.start()
    try:
        assert await page_token(waiting) == waiting.policy.token
    finally:
        await waiting.stop()


async def test_broadcast_reaches_every_client(preview: PreviewServer) -> None:
    url = f"ws://127.0.0.1:{preview.port}/ws/reload"
    async with websockets.connect(url) as one, websockets.connect(url) as two:
        await one.recv()
        await two.recv()
        assert await preview.hub.broadcast({"type": "reload", "pages": ["index.html"]}) == 2
        for socket in (one, two):
            assert '"reload"' in str(await socket.recv())


async def test_a_page_that_missed_a_reload_learns_it_from_the_greeting(
    preview: PreviewServer,
) -> None:
    """A page served before a build but connected after its reload was sent."""
    _, body = await raw_get(preview, "/")
    assert 'data-version="0"' in body
    assert await preview.hub.broadcast({"type": "reload", "pages": ["index.html"]}) == 0
    async with websockets.connect(f"ws://127.0.0.1:{preview.port}/ws/reload") as socket:
        hello = json.loads(await socket.recv())
    assert hello == {"type": "hello", "version": 1, "errors": []}  # newer than the page
    _, body = await raw_get(preview, "/")
    assert 'data-version="1"' in body
