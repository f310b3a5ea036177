"""The preview app: the last good site, a live-reload script, `/ws/reload`."""

from __future__ import annotations

import hashlib
import html
import os
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket

from storyville.preview.hub import ReloadHub
from storyville.preview.security import AccessPolicy, resolve

LIVE_SCRIPT = Path(__file__).resolve().parent / "static" / "live.js"
LIVE_URL = "/_storyville/live.js"  # still answered, for pages an older storyville wrote
LIVE_BYTES = LIVE_SCRIPT.read_bytes()
LIVE_NAME = f"live.{hashlib.sha256(LIVE_BYTES).hexdigest()[:10]}.js"
IMMUTABLE = {"Cache-Control": "public, max-age=31536000, immutable"}
REVALIDATE = {"Cache-Control": "no-cache"}
# The catalog UI names its own assets by a hash of their bytes (site/ui/assets.py): such a
# name never changes its bytes, so a browser need not ask again for a year.
HASHED_ASSET = re.compile(r"_storyville/[^/]+\.[0-9a-f]{10}\.[A-Za-z0-9]+")
CATALOG = "_storyville/catalog.js"  # the navigation data: same name, new bytes each build
CATALOG_LINK = b'_storyville/catalog.js"'


class CatalogVersion:
    """A short hash of the site's catalog.js, read again only when the file was replaced.

    Every page links catalog.js. Naming it by its hash in the pages would change every page's
    bytes (and rewrite every file) whenever a title changed; instead the preview adds
    `?v=<hash>` to the link as it serves a page, and serves that URL immutable."""

    def __init__(self, site: Path) -> None:
        self.path = site / CATALOG
        self._stat: tuple[int, int, int] | None = None
        self._version = ""

    def current(self) -> str:
        try:
            stat = os.stat(self.path)  # noqa: PTH116 - once per page served
        except OSError:
            return ""
        key = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if key != self._stat:
            try:
                data = self.path.read_bytes()
            except OSError:
                return ""
            self._stat, self._version = key, hashlib.sha256(data).hexdigest()[:10]
        return self._version


def live_tag(path: str, version: int, token: str) -> bytes:
    """The live-reload script, linked relative to the page (behind a path-prefixing proxy,
    such as code-server's /proxy/PORT/, an absolute /_storyville/ would miss the server),
    stamped with the site version the page was served at and carrying the reload socket's
    token: on the page, never in live.js, which any site may load with a <script> tag."""
    root = "../" * max(path.count("/") - 1, 0)
    token = html.escape(token)
    return (
        f'<script src="{root}_storyville/{LIVE_NAME}" data-version="{version}" '
        f'data-token="{token}"></script>'
    ).encode()


def _token(scope: Scope) -> str | None:
    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token")
    return values[0] if values else None


class RequestGate:
    """Refuse what is not for this server before any route sees it: a foreign Host (DNS
    rebinding) on every request; on the reload socket also a foreign Origin and, from a
    browser, a missing or wrong token (see AccessPolicy)."""

    def __init__(self, app: ASGIApp, policy: AccessPolicy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind in ("http", "websocket"):
            headers = dict(scope["headers"])
            host = headers.get(b"host", b"").decode("latin-1") or None
            origin = headers.get(b"origin")
            origin_text = origin.decode("latin-1") if origin is not None else None
            ok = self.policy.host_ok(host)
            if kind == "websocket":
                ok = ok and self.policy.socket_ok(origin_text, _token(scope))
            if not ok:
                if kind == "websocket":  # closed before accepting: the upgrade gets a 403
                    await send({"type": "websocket.close", "code": 1008})
                    return
                refusal = "storyville: request refused (Host, Origin or token)"
                await PlainTextResponse(refusal, 403)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def served(path: str, version: int, token: str, body: bytes, *, catalog: str = "") -> bytes:
    """A page as the preview serves it: the live-reload script injected before `</body>`, and
    its link to catalog.js stamped with the catalog's version (see CatalogVersion)."""
    tag = live_tag(path, version, token)
    index = body.rfind(b"</body>")
    body = body[:index] + tag + body[index:] if index >= 0 else body + tag
    if catalog:
        body = body.replace(CATALOG_LINK, f'{CATALOG}?v={catalog}"'.encode(), 1)
    return body


def _html(
    path: str, version: int, token: str, body: bytes, status: int = 200, *, catalog: str = ""
) -> Response:
    return Response(
        served(path, version, token, body, catalog=catalog),
        status,
        media_type="text/html; charset=utf-8",
        headers={"Cache-Control": "no-store"},
    )


def waiting_page(errors: list[str]) -> bytes:
    """Shown until the first good build: why there is nothing yet; it reloads when there is."""
    items = "".join(f"<li><code>{html.escape(e)}</code></li>" for e in errors)
    detail = f"<p>The last build failed:</p><ul>{items}</ul>" if errors else "<p>Building…</p>"
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>storyville</title></head>"
        "<body style='font-family:system-ui,sans-serif;margin:2rem'>"
        f"<h1>No good build yet</h1>{detail}"
        "<p>This page reloads when the catalog builds.</p></body></html>"
    ).encode("utf-8", "replace")  # a file path in a headline may hold lone surrogates


def _caching(request: Request, catalog: CatalogVersion) -> dict[str, str]:
    """Immutable for an asset named by its hash, and for catalog.js asked for at its current
    version; anything else is revalidated (an older `?v=` gets today's bytes: not for ever)."""
    name = request.path_params.get("path", "")
    if HASHED_ASSET.fullmatch(name):
        return IMMUTABLE
    if name == CATALOG and (asked := request.query_params.get("v")):
        return IMMUTABLE if asked == catalog.current() else REVALIDATE
    return REVALIDATE


def create_app(
    site: Path,
    hub: ReloadHub,
    policy: AccessPolicy,
    errors: Callable[[], list[str]] = list,
) -> ASGIApp:
    token = policy.token
    catalog = CatalogVersion(site)

    async def live_script(request: Request) -> Response:
        headers = REVALIDATE if request.url.path == LIVE_URL else IMMUTABLE
        return Response(LIVE_BYTES, media_type="text/javascript", headers=headers)

    async def page(request: Request) -> Response:
        path = resolve(site, request.path_params.get("path", ""))
        if path is None:
            if not (site / "index.html").is_file():
                return _html(request.url.path, hub.version, token, waiting_page(errors()), 503)
            return PlainTextResponse("Not found", 404)
        if path.suffix == ".html":
            body = path.read_bytes()
            return _html(request.url.path, hub.version, token, body, catalog=catalog.current())
        return FileResponse(path, headers=_caching(request, catalog))

    async def reload_socket(socket: WebSocket) -> None:
        await hub.serve(socket)

    def page_html(page: str) -> bytes | None:
        """`page` (relative to the site) as a GET of it returns it now, for a reload to carry."""
        path = resolve(site, page)
        if path is None or path.suffix != ".html":
            return None
        try:
            body = path.read_bytes()
        except OSError:
            return None
        return served(f"/{page}", hub.version, token, body, catalog=catalog.current())

    hub.page_html = page_html

    app = Starlette(
        routes=[
            Route(LIVE_URL, live_script, methods=["GET", "HEAD"]),
            Route(f"/_storyville/{LIVE_NAME}", live_script, methods=["GET", "HEAD"]),
            WebSocketRoute("/ws/reload", reload_socket),
            Route("/{path:path}", page, methods=["GET", "HEAD"]),
        ]
    )
    return RequestGate(app, policy)
