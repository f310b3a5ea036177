"""The `/ws/reload` channel: who is connected, telling them all after a good build, and
what the failing build's errors are (pages show them in a banner over the last good page)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from starlette.websockets import WebSocket, WebSocketDisconnect

log = logging.getLogger("storyville.preview")

type PageHtml = Callable[[str], bytes | None]
PUSHED_MAX = 512 * 1024  # a bigger page is fetched by the page itself


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
        # The page each client said it shows, and the page as the preview serves it (set by
        # the app): a reload of that page carries its HTML, so the page need not fetch it
        # (behind an editor's port proxy that fetch is a round trip through the editor).
        self.pages: dict[WebSocket, str] = {}
        self.page_html: PageHtml | None = None
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
            while True:  # a client only says which page it shows; this notices it leaving
                self._note(socket, await socket.receive_text())
        except WebSocketDisconnect:
            pass
        finally:
            self.clients.discard(socket)
            self.pages.pop(socket, None)

    def _note(self, socket: WebSocket, text: str) -> None:
        """`{"type": "page", "page": "a/b.html"}`: the page (relative to the site) it shows."""
        try:
            message = json.loads(text)
        except ValueError:
            return
        if not isinstance(message, dict) or message.get("type") != "page":
            return
        page = message.get("page")
        if isinstance(page, str) and len(page) <= 1024:
            self.pages[socket] = page

    async def reload(self, pages: Iterable[str], build: int) -> int:
        """Tell every page that `pages` changed in build number `build` (live.js reads it)."""
        self.errors = []
        pages = list(pages)
        message = {"type": "reload", "build": build, "pages": pages, "errors": []}
        changed = set(pages)
        rendered: dict[str, dict[str, str]] = {}

        def html(client: WebSocket) -> dict[str, str]:
            """The client's page as it is now served, if the build changed it (once a page)."""
            page = self.pages.get(client)
            if page is None or page not in changed or self.page_html is None:
                return {}
            if page not in rendered:
                body = self.page_html(page)
                rendered[page] = (
                    {"html": body.decode("utf-8", "replace")}
                    if body is not None and len(body) <= PUSHED_MAX
                    else {}
                )
            return rendered[page]

        return await self.broadcast(message, html)

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

    async def broadcast(
        self, message: dict[str, Any], extra: Callable[[WebSocket], dict[str, str]] | None = None
    ) -> int:
        """Send to every client (with `extra(client)` added); returns how many got it."""
        self.version += 1
        return await self._send({**message, "version": self.version}, extra)

    async def _send(
        self, message: dict[str, Any], extra: Callable[[WebSocket], dict[str, str]] | None = None
    ) -> int:
        clients = list(self.clients)
        results = await asyncio.gather(
            *(c.send_json({**message, **extra(c)} if extra else message) for c in clients),
            return_exceptions=True,
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
