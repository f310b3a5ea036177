"""The preview server is hardened like a local dev server should be."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import websockets
from storyville.preview.server import PreviewServer
from websockets.exceptions import InvalidStatus


@pytest.fixture
async def preview(tmp_path: Path) -> AsyncIterator[PreviewServer]:
    site = tmp_path / "site"
    (site / "inner").mkdir(parents=True)
    (site / "index.html").write_text("<html><body>home</body></html>")
    (site / "inner/index.html").write_text("<html><body>inner</body></html>")
    (tmp_path / "secret.txt").write_text("TOP SECRET")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/index.html").write_text("OUTSIDE")
    (site / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (site / "leakdir").symlink_to(tmp_path / "outside")
    (site / "alias.html").symlink_to(site / "index.html")
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


async def test_serves_pages_with_the_live_script(preview: PreviewServer) -> None:
    status, body = await raw_get(preview, "/inner/")
    assert status == 200 and "inner" in body
    assert body.index(
        '<script src="../_storyville/live.js" data-version="0"></script>'
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


@pytest.mark.parametrize(
    ("origin", "accepted"),
    [
        ("http://127.0.0.1:{port}", True),
        ("http://localhost:{port}", True),
        ("vscode-webview://1a2b3c", True),
        (None, True),  # not a browser: browsers always send Origin
        ("http://evil.example", False),
        ("http://127.0.0.1:8080", True),  # our pages through a port-forwarding proxy
        ("http://evil.example:{port}", False),
        ("http://localhost.evil.example", False),
        ("null", False),
    ],
)
async def test_websocket_origins(
    preview: PreviewServer, origin: str | None, accepted: bool
) -> None:
    url = f"ws://127.0.0.1:{preview.port}/ws/reload"
    headers = {"Origin": origin.format(port=preview.port)} if origin else None
    if accepted:
        async with websockets.connect(url, additional_headers=headers) as socket:
            assert '"hello"' in str(await socket.recv())
    else:
        with pytest.raises(InvalidStatus) as refused:
            await websockets.connect(url, additional_headers=headers)
        assert refused.value.response.status_code == 403


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
    assert hello == {"type": "hello", "version": 1}  # newer than the page: it reloads
    _, body = await raw_get(preview, "/")
    assert 'data-version="1"' in body
