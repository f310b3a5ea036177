"""The preview under slow, idle and too many connections (issue 11): real uvicorn on
127.0.0.1, real sockets; a lowered descriptor limit only ever in a child process."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import resource
import socket
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import websockets
from storyville.preview.server import Limits, PreviewServer

from tests.helpers import REPO

Stream = tuple[asyncio.StreamReader, asyncio.StreamWriter]


def make_site(root: Path) -> Path:
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><body>home</body></html>")
    return site


@contextlib.asynccontextmanager
async def serving(root: Path, limits: Limits) -> AsyncIterator[PreviewServer]:
    server = PreviewServer(make_site(root), port=0, limits=limits)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


def request(port: int, path: str = "/", *, close: bool = False) -> bytes:
    connection = "Connection: close\r\n" if close else ""
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{connection}\r\n".encode()


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    body = await reader.readexactly(int(length.group(1))) if length else await reader.read()
    return int(head.split()[1]), body


async def get(port: int, path: str = "/", timeout: float = 5) -> tuple[int, bytes]:
    """A whole request on a fresh connection, as a browser makes it."""
    async with asyncio.timeout(timeout):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            writer.write(request(port, path, close=True))
            return await read_response(reader)
        finally:
            writer.close()


async def slow_head(port: int) -> Stream:
    """A connection that has sent part of a request head (slowloris)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n".encode())
    await writer.drain()
    return reader, writer


async def kept_alive(port: int) -> Stream:
    """A connection that was served once and stays open for the next request."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(request(port))
    assert (await read_response(reader))[0] == 200
    return reader, writer


def close_all(streams: list[Stream]) -> None:
    for _, writer in streams:
        writer.close()


async def test_slow_request_heads_are_closed_at_the_deadline(tmp_path: Path) -> None:
    deadline = 0.5
    async with serving(tmp_path, Limits(head_timeout=deadline)) as server:
        started = time.monotonic()
        slow = [await slow_head(server.port) for _ in range(20)]
        # served once, then the next head comes a byte at a time: uvicorn's keep-alive timer
        # stops at the first byte; the deadline does not
        again = await kept_alive(server.port)
        again[1].write(b"GET / HTTP/1.1\r\n")
        slow.append(again)
        await asyncio.sleep(deadline / 2)  # the client being slow, not waiting for the server
        for _, writer in slow:
            writer.write(b"X-Trickle: 1\r\n")  # more bytes do not buy more time
        assert (await get(server.port))[0] == 200  # whole requests are unaffected
        async with asyncio.timeout(deadline + 5):
            leftovers = await asyncio.gather(*(reader.read() for reader, _ in slow))
        elapsed = time.monotonic() - started
        close_all(slow)
    assert leftovers == [b""] * len(slow)  # closed without an answer
    assert elapsed >= deadline * 0.9


async def test_a_full_server_closes_the_longest_idle_connection(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="storyville.preview")
    async with serving(tmp_path, Limits(connections=4, head_timeout=30)) as server:
        idle = [await kept_alive(server.port) for _ in range(4)]
        for _ in range(3):  # each newcomer is served at once, in place of the oldest idle
            assert (await get(server.port, timeout=2))[0] == 200
        async with asyncio.timeout(5):
            assert await idle[0][0].read() == b""
        idle[-1][1].write(request(server.port))  # the youngest was kept
        assert (await read_response(idle[-1][0]))[0] == 200
        close_all(idle)
    said = [r.getMessage() for r in caplog.records if "its limit" in r.getMessage()]
    assert len(said) == 1, said


async def test_when_every_connection_is_busy_the_next_is_told_503(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Busy: a reload socket, and a response a client reads so slowly it stays mid-body."""
    caplog.set_level(logging.INFO, logger="storyville.preview")
    async with serving(tmp_path, Limits(connections=2)) as server:
        (server.site / "big.bin").write_bytes(b"\0" * (16 << 20))
        url = f"ws://127.0.0.1:{server.port}/ws/reload"
        async with websockets.connect(url) as page:
            await page.recv()
            slow = socket.socket()
            slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            slow.setblocking(False)
            await asyncio.get_running_loop().sock_connect(slow, ("127.0.0.1", server.port))
            reader, writer = await asyncio.open_connection(sock=slow)
            writer.write(request(server.port, "/big.bin"))
            assert b" 200 " in await reader.readuntil(b"\r\n\r\n")  # and reads no further
            for _ in range(3):
                status, body = await get(server.port, timeout=2)
                assert (status, body) == (503, b"storyville: busy, retry shortly")
            writer.close()
        for _ in range(100):  # until the server has seen both go; no event tells the client
            if (await get(server.port))[0] == 200:
                break
            await asyncio.sleep(0.01)
        else:
            pytest.fail("still busy after both connections closed")
    said = [r.getMessage() for r in caplog.records if "busy" in r.getMessage()]
    assert len(said) == 1, said


async def test_the_reload_channel_is_capped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Reload sockets never go idle: they may take at most half the connections."""
    caplog.set_level(logging.INFO, logger="storyville.preview")
    async with serving(tmp_path, Limits(connections=6)) as server:
        url = f"ws://127.0.0.1:{server.port}/ws/reload"
        async with contextlib.AsyncExitStack() as stack:
            for _ in range(3):
                await (await stack.enter_async_context(websockets.connect(url))).recv()
            for _ in range(2):
                with pytest.raises(websockets.InvalidStatus) as refused:
                    await websockets.connect(url)
                assert refused.value.response.status_code == 403
            assert (await get(server.port))[0] == 200  # pages are still served
        async with websockets.connect(url) as page:  # room again once they left
            assert json.loads(await page.recv())["type"] == "hello"
    said = [r.getMessage() for r in caplog.records if "channel is full" in r.getMessage()]
    assert len(said) == 1, said


@contextlib.contextmanager
def descriptors_for(count: int):
    """Room in this process for `count` more sockets (raising the soft limit if need be)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = count + 256
    if soft != resource.RLIM_INFINITY and soft < needed:
        if hard != resource.RLIM_INFINITY and hard < needed:
            pytest.skip(f"needs {needed} descriptors, the hard limit is {hard}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


@pytest.mark.parametrize(
    ("cap", "said"),
    [
        pytest.param(None, "its limit", id="connection cap"),
        pytest.param(1000, "out of file descriptors", id="descriptors run out first"),
    ],
)
async def test_a_flood_of_slow_connections(tmp_path: Path, cap: int | None, said: str) -> None:
    """1,500 slowloris connections at a server allowed 256 descriptors: a request made during
    the flood is answered quickly, stderr says so once, and afterwards pages are served and
    a reload reaches the page that was connected all along."""
    flood_size = 1500
    site = make_site(tmp_path)
    stderr_path = tmp_path / "stderr.txt"
    with stderr_path.open("wb") as stderr, descriptors_for(flood_size):
        args = [str(site), "256", *([] if cap is None else [str(cap)])]
        child = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "tests.preview_child", *args),
            cwd=REPO,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=stderr,
        )
        assert child.stdin is not None and child.stdout is not None
        flood: list[Stream] = []
        try:
            async with asyncio.timeout(30):
                port = int(await child.stdout.readline())
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(request(port, close=True))
            token = re.findall(rb'data-token="([^"]+)"', (await read_response(reader))[1])[-1]
            writer.close()
            page = await websockets.connect(
                f"ws://127.0.0.1:{port}/ws/reload?token={token.decode()}",
                additional_headers={"Origin": f"http://127.0.0.1:{port}"},
            )
            assert json.loads(await page.recv())["type"] == "hello"

            flood = [await slow_head(port) for _ in range(flood_size)]
            status, _ = await get(port, timeout=5)  # before: no answer while it lasted
            assert status in (200, 503)
            assert stderr_path.stat().st_size < 2000, stderr_path.read_text()

            close_all(flood)
            assert (await get(port))[0] == 200
            child.stdin.write(b"reload\n")
            async with asyncio.timeout(10):
                assert int(await child.stdout.readline()) == 1
                message = json.loads(await page.recv())
            assert message["type"] == "reload" and message["pages"] == ["index.html"]
            await page.close()
        finally:
            close_all(flood)
            child.stdin.close()
            try:
                async with asyncio.timeout(20):
                    await child.wait()
            except TimeoutError:
                child.kill()
                raise
    log = stderr_path.read_text()
    assert len(log) < 2000, log
    assert log.count(said) == 1, log
    assert "Traceback" not in log, log
