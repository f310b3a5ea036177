"""The `/ws/reload` channel: who is connected, telling them all after a good build, and
what the failing build's errors are (pages show them in a banner over the last good page)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable
from typing import Any

from starlette.websockets import WebSocket, WebSocketDisconnect

log = logging.getLogger("storyville.preview")


class ReloadHub:
    """Clients of the reload channel, and the site's version: how many reloads were sent.

    Pages are served stamped with the version (see app.live_tag); a page that connects
    after a reload it missed sees a newer version in the greeting and reloads itself.

    At most `max_clients` are connected at once (a socket never goes idle, so without a cap
    sockets alone could take every connection the server allows); past it an upgrade is
    refused, and said once until the channel has room again.
    """

    def __init__(self, max_clients: int = 64) -> None:
        self.clients: set[WebSocket] = set()
        self.version = 0
        self.max_clients = max_clients
        self.errors: list[dict[str, Any]] = []  # the latest build's, while it is failing
        self._full = False

    async def serve(self, socket: WebSocket) -> None:
        if len(self.clients) < self.max_clients // 2:
            self._full = False
        if len(self.clients) >= self.max_clients:
            if not self._full:
                self._full = True
                log.warning(
                    "the reload channel is full (%d pages connected); refusing more",
                    len(self.clients),
                )
            await socket.close(code=1013)  # before accepting: the upgrade gets a 403
            return
        await socket.accept()
        self.clients.add(socket)
        try:
            await socket.send_json(
                {"type": "hello", "version": self.version, "errors": self.errors}
            )
            while True:  # the client never needs to talk; this notices it leaving
                await socket.receive_text()
        except WebSocketDisconnect:
            pass
        finally:
            self.clients.discard(socket)

    async def reload(self, pages: Iterable[str], build: int) -> int:
        """Tell every page that `pages` changed in build number `build` (live.js reads it)."""
        self.errors = []
        message = {"type": "reload", "build": build, "pages": list(pages), "errors": []}
        return await self.broadcast(message)

    async def build_finished(
        self, pages: Iterable[str], build: int, errors: list[dict[str, Any]]
    ) -> int:
        """After every build: a good one reloads the pages it changed (and takes a banner
        down even if it changed none); a failed one sends its errors, which every page shows
        over the last good site until a build succeeds. Errors do not move the version:
        the site did not change."""
        pages = list(pages)
        if not errors and pages:
            return await self.reload(pages, build)
        if not errors and not self.errors:
            return 0
        self.errors = errors
        return await self._send({"type": "errors", "build": build, "errors": errors})

    async def broadcast(self, message: dict[str, Any]) -> int:
        """Send to every client; returns how many got it."""
        self.version += 1
        return await self._send({**message, "version": self.version})

    async def _send(self, message: dict[str, Any]) -> int:
        clients = list(self.clients)
        results = await asyncio.gather(
            *(c.send_json(message) for c in clients), return_exceptions=True
        )
        delivered = 0
        for client, outcome in zip(clients, results, strict=True):
            if isinstance(outcome, BaseException):
                self.clients.discard(client)
            else:
                delivered += 1
        log.info("%s sent to %d client(s)", message.get("type"), delivered)
        return delivered

    async def close(self) -> None:
        for client in list(self.clients):
            with contextlib.suppress(Exception):  # it is going away either way
                await client.close(code=1001)
        self.clients.clear()
