"""Run the preview app with uvicorn on the current event loop (as a task, for `lsp` too).

uvicorn speaks HTTP; this module accepts the connections itself, so that it decides how many
there are and what happens past the limits, and it gives each request head a deadline.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

from storyville.preview.app import create_app
from storyville.preview.hub import ReloadHub
from storyville.preview.security import AccessPolicy

log = logging.getLogger("storyville.preview")

OUT_OF_RESOURCES = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})


def descriptor_limit() -> int | None:
    """The soft RLIMIT_NOFILE: how many files, sockets and pipes this process may hold."""
    if sys.platform == "win32":
        return None
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return None if soft == resource.RLIM_INFINITY else soft


def connection_cap() -> int:
    """256, or a quarter of the descriptor limit if that is less: the preview shares the
    process with the language server, the watcher, site writes and build interpreters."""
    limit = descriptor_limit()
    return 256 if limit is None else max(16, min(256, limit // 4))


@dataclass(frozen=True, slots=True)
class Limits:
    """What one preview server holds at most; docs/hot-reload.md explains the numbers."""

    connections: int = field(default_factory=connection_cap)
    """Open connections, reload sockets included; past it the longest-idle one is closed."""
    reload_clients: int = 64
    """Reload sockets (pages connected), and never more than half of `connections`."""
    head_timeout: float = 10.0
    """Seconds for a request head to arrive, from connecting or from the last response."""
    keep_alive: int = 5
    """Seconds an idle keep-alive connection stays open (uvicorn's own timer)."""


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
    sock.listen(2048)  # bursts wait in the kernel, costing no descriptor (uvicorn: 2048)
    sock.setblocking(False)
    return sock


class _GuardedH11(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a deadline for each request head.

    uvicorn arms its keep-alive timer only after a response and cancels it on any byte, so
    a client that sends its head a byte at a time (slowloris) would hold the connection for
    ever. Here a head must be complete `head_timeout` seconds after the connection opened
    or the last response ended, however it trickles in. While it waits the connection is
    idle: the first to close when the server is full.
    """

    def __init__(
        self,
        config: uvicorn.Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        loop: asyncio.AbstractEventLoop,
        head_timeout: float,
    ) -> None:
        super().__init__(config, server_state, app_state, loop)
        self.head_timeout = head_timeout
        self.waiting_since: float | None = None  # loop time; None while a request is served
        self._deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._await_head()

    def handle_events(self) -> None:
        cycle = self.cycle
        super().handle_events()
        if self.cycle is not cycle or self.transport.get_protocol() is not self:
            self._stop_waiting()  # a request (or a WebSocket upgrade) arrived whole

    def on_response_complete(self) -> None:
        self._await_head()  # first: a pipelined request the call below starts stops it
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_waiting()
        super().connection_lost(exc)

    def _await_head(self) -> None:
        self._stop_waiting()
        self.waiting_since = self.loop.time()
        self._deadline = self.loop.call_later(self.head_timeout, self.transport.close)

    def _stop_waiting(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        self.waiting_since = None


class _Unavailable(asyncio.Protocol):
    """The answer when every connection is busy serving: a 503 at once. The connection stays
    open a moment, reading, so the client gets the answer rather than a reset."""

    RESPONSE = (
        b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\n"
        b"content-length: 31\r\nretry-after: 1\r\nconnection: close\r\n\r\n"
        b"storyville: busy, retry shortly"
    )
    LINGER = 1.0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        transport.write(self.RESPONSE)
        if transport.can_write_eof():
            transport.write_eof()
        self._timer = asyncio.get_running_loop().call_later(self.LINGER, transport.close)

    def eof_received(self) -> bool:
        return False  # the client has read the answer and left: close

    def connection_lost(self, exc: Exception | None) -> None:
        self._timer.cancel()


class _Admission:
    """Who gets in: below the cap everyone; at it the longest-idle connection is closed to
    make room, and when none is idle the newcomer gets a 503. Each kind of overload is said
    once, and again only after the load has fallen to half of what the server could hold
    (the cap, or fewer if the descriptors ran out first)."""

    def __init__(self, limits: Limits, connections: set[Any]) -> None:
        self.limits = limits
        self.connections = connections  # uvicorn's own: HTTP and WebSocket protocols
        self.said: set[str] = set()
        self.ceiling = limits.connections

    def room(self) -> bool:
        open_now = len(self.connections)
        if self.said and open_now < self.ceiling // 2:
            log.info("preview: load back to normal (%d connections)", open_now)
            self.said.clear()
            self.ceiling = self.limits.connections
        if open_now < self.limits.connections:
            return True
        self.overloaded("full")
        if self.evict():
            return True
        self.overloaded("busy")
        return False

    def evict(self) -> bool:
        """Close the connection that has waited longest for a request head, if any does."""
        idle = [
            c
            for c in self.connections
            if isinstance(c, _GuardedH11)
            and c.waiting_since is not None
            and not c.transport.is_closing()
        ]
        if not idle:
            return False
        min(idle, key=lambda c: c.waiting_since or 0.0).transport.close()
        return True

    def overloaded(self, kind: str, detail: object = None) -> None:
        if kind == "descriptors":
            self.ceiling = min(self.ceiling, len(self.connections))
        if kind in self.said:
            return
        self.said.add(kind)
        cap = self.limits.connections
        match kind:
            case "full":
                log.warning(
                    "preview: %d connections open, its limit; closing the longest idle to admit "
                    "new ones",
                    cap,
                )
            case "busy":
                log.warning("preview: all %d connections busy; answering 503 until one frees", cap)
            case "descriptors":
                log.warning(
                    "preview: out of file descriptors (limit %s); closing idle connections and "
                    "retrying",
                    descriptor_limit(),
                )
            case _:
                log.warning("preview: accepting connections failed (%s); retrying", detail)


class _QuietServer(uvicorn.Server):
    """uvicorn without its signal handlers: `serve` and `lsp` own their shutdown."""

    def capture_signals(self) -> contextlib.AbstractContextManager[None]:  # type: ignore[override]
        return contextlib.nullcontext()


class PreviewServer:
    def __init__(
        self, site: Path, *, host: str = "127.0.0.1", port: int = 0, limits: Limits | None = None
    ) -> None:
        self.site = site
        self.host = host
        self.limits = limits or Limits()
        self.hub = ReloadHub(max(1, min(self.limits.reload_clients, self.limits.connections // 2)))
        self._socket = bind(host, port)
        self.port: int = self._socket.getsockname()[1]
        self.policy = AccessPolicy(host, self.port)
        self.errors: Callable[[], list[str]] = list  # the failing build's errors, if any
        self._config = uvicorn.Config(
            create_app(site, self.hub, self.policy, self._errors),
            http="h11",
            log_level="error",  # not a warning per malformed request: a flood would fill stderr
            lifespan="off",
            ws_ping_interval=20,
            timeout_keep_alive=self.limits.keep_alive,
            access_log=False,
        )
        self._server = _QuietServer(self._config)
        self._admission = _Admission(self.limits, self._server.server_state.connections)
        self._task: asyncio.Task[None] | None = None
        self._acceptor: asyncio.Task[None] | None = None

    def _errors(self) -> list[str]:
        return self.errors()

    @property
    def url(self) -> str:
        shown = "127.0.0.1" if self.host in ("0.0.0.0", "::") else self.host
        shown = f"[{shown}]" if ":" in shown else shown
        return f"http://{shown}:{self.port}/"

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        # No sockets for uvicorn: it serves the connections `_accept` hands it.
        self._task = loop.create_task(self._server.serve(sockets=[]), name="storyville-preview")
        while not self._server.started:
            if self._task.done():
                await self._task
                raise PortUnavailable(f"the preview server on {self.url} stopped at start-up")
            await asyncio.sleep(0.005)
        self._acceptor = loop.create_task(self._accept(), name="storyville-preview-accept")
        log.info("preview at %s", self.url)

    def _connection(self) -> asyncio.Protocol:
        return _GuardedH11(
            self._config,
            self._server.server_state,
            self._server.lifespan.state,
            asyncio.get_running_loop(),
            self.limits.head_timeout,
        )

    async def _accept(self) -> None:
        """Accept connections while there is room, and back off when there are no descriptors.

        Not asyncio's own server: out of descriptors, its accept loop retries up to its
        backlog (2048 under uvicorn) times per wake-up and logs a traceback each time; here
        an idle connection is closed to free one, else accepting pauses (10 ms, doubling to
        1 s) and the connections wait in the kernel's queue.
        """
        loop = asyncio.get_running_loop()
        pause = 0.0
        while True:
            try:
                conn, _ = await loop.sock_accept(self._socket)
            except ConnectionAbortedError:
                continue  # gone before we got to it
            except OSError as exc:
                kind = "descriptors" if exc.errno in OUT_OF_RESOURCES else "accept"
                self._admission.overloaded(kind, exc)
                if kind == "descriptors" and self._admission.evict():
                    await asyncio.sleep(0)  # the evicted socket closes on this loop turn
                    continue
                pause = min(max(pause * 2, 0.01), 1.0)
                await asyncio.sleep(pause)
                continue
            pause = 0.0
            admitted = self._admission.room()
            factory: Callable[[], asyncio.Protocol] = self._connection if admitted else _Unavailable
            try:
                await loop.connect_accepted_socket(factory, conn)
            except OSError:
                conn.close()

    async def stop(self) -> None:
        if self._acceptor is not None:
            self._acceptor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._acceptor
        self._socket.close()
        await self.hub.close()
        self._server.should_exit = True
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
