"""Local dev-server hardening: safe paths, Host and Origin checks, the reload socket's token."""

from __future__ import annotations

import secrets
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WEBVIEW_SCHEMES = ("vscode-webview", "vscode-file")


class AccessPolicy:
    """Which Host headers and Origins belong to this server.

    DNS rebinding makes a browser send `Host: attacker.example` to 127.0.0.1, so a Host
    must be a loopback name (on any port: an editor's port-forwarding proxy, such as
    code-server's `/proxy/PORT/`, forwards our pages with its own port) or the address the
    server was deliberately bound to. WebSocket upgrades must come from a page on such a
    host, or from a VS Code webview; other sites' pages are refused.

    An Origin says little on its own: every page on 127.0.0.1, whatever its port, and every
    extension's webview would pass. So a browser must also present `token`, which only this
    server's pages carry (their live-reload tag) and which the same-origin policy keeps from
    other pages (the fix Vite made for CVE-2025-24010).
    """

    def __init__(
        self, host: str, port: int, extra_hosts: tuple[str, ...] = (), token: str | None = None
    ) -> None:
        names = set(LOOPBACK_NAMES) | set(extra_hosts)
        if host not in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "::"):
            names.add(f"[{host}]" if ":" in host else host)
        self.any_host = host in ("0.0.0.0", "::")
        self.names = frozenset(name.lower() for name in names)  # host names ignore case
        self.port = port
        self.token = token or secrets.token_urlsafe(16)

    def host_ok(self, host: str | None) -> bool:
        if self.any_host:
            return True
        if not host:
            return False
        name, _, port = host.lower().rpartition(":") if not host.endswith("]") else (host, "", "")
        if not port.isdigit():
            name = host.lower()
        return name in self.names

    def origin_ok(self, origin: str | None) -> bool:
        """Browsers always send Origin on WebSocket upgrades; non-browser clients may not."""
        if origin is None:
            return True
        parts = urlsplit(origin)
        if parts.scheme in WEBVIEW_SCHEMES:
            return True
        return parts.scheme in ("http", "https") and self.host_ok(parts.netloc)

    def socket_ok(self, origin: str | None, token: str | None) -> bool:
        """A reload-socket upgrade from a browser (it always sends Origin) needs our token too.

        A client without Origin is not a browser, so not bound by the same-origin policy: it
        could read the token from any page, so asking it for one would protect nothing.
        """
        if origin is None:
            return True
        presented = (token or "").encode()  # bytes: compare_digest refuses non-ASCII str
        return self.origin_ok(origin) and secrets.compare_digest(presented, self.token.encode())


def resolve(root: Path, url_path: str) -> Path | None:
    """The file a URL path names inside `root`, or None if it would leave it.

    `url_path` is already percent-decoded by the server; encoded traversal (`%2e%2e`,
    `%2f`) arrives here as plain `..` and `/`. Symlinks are resolved and must stay inside.
    """
    if "\0" in url_path or "\\" in url_path:
        return None
    parts = PurePosixPath(url_path).parts
    if any(part in ("..", ".") for part in parts):
        return None
    relative = [p for p in parts if p != "/"]
    candidate = root.joinpath(*relative)
    try:
        real = candidate.resolve(strict=True)
        base = root.resolve(strict=True)
    except OSError:
        return None
    if real != base and not real.is_relative_to(base):
        return None
    if real.is_dir():
        real = real / "index.html"
        if not real.is_file():
            return None
    return real if real.is_file() else None
