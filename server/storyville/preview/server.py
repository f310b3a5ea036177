"""Run the preview app with uvicorn on the current event loop (as a task, for `lsp` too)."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import socket
from collections.abc import Callable
from pathlib import Path

import uvicorn

from storyville.preview.app import create_app
from storyville.preview.hub import ReloadHub
from storyville.preview.security import AccessPolicy

log = logging.getLogger("storyville.preview")


class PortUnavailable(Exception):
    """The port is taken or the address cannot be bound; the message says which."""


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise PortUnavailable(
                f"port {port} on {host} is already in use; pick another with --port "
                "(0 picks a free one)"
            ) from exc
        raise PortUnavailable(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    sock.listen(128)
    sock.setblocking(False)
    return sock


class _QuietServer(uvicorn.Server):
    """uvicorn without its signal handlers: `serve` and `lsp` own their shutdown."""

    def capture_signals(self) -> contextlib.AbstractContextManager[None]:  # type: ignore[override]
        return contextlib.nullcontext()


class PreviewServer:
    def __init__(self, site: Path, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.site = site
        self.host = host
        self.hub = ReloadHub()
        self._socket = bind(host, port)
        self.port: int = self._socket.getsockname()[1]
        self.policy = AccessPolicy(host, self.port)
        self.errors: Callable[[], list[str]] = list  # the failing build's errors, if any
        config = uvicorn.Config(
            create_app(site, self.hub, self.policy, self._errors),
            log_level="warning",
            lifespan="off",
            ws_ping_interval=20,
            access_log=False,
        )
        self._server = _QuietServer(config)
        self._task: asyncio.Task[None] | None = None

    def _errors(self) -> list[str]:
        return self.errors()

    @property
    def url(self) -> str:
        shown = "127.0.0.1" if self.host in ("0.0.0.0", "::") else self.host
        shown = f"[{shown}]" if ":" in shown else shown
        return f"http://{shown}:{self.port}/"

    async def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(
            self._server.serve(sockets=[self._socket]), name="storyville-preview"
        )
        while not self._server.started:
            if self._task.done():
                await self._task
                raise PortUnavailable(f"the preview server on {self.url} stopped at start-up")
            await asyncio.sleep(0.005)
        log.info("preview at %s", self.url)

    async def stop(self) -> None:
        await self.hub.close()
        self._server.should_exit = True
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._socket.close()
