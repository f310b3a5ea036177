"""What the reload channel sends after each build (issue 12 item 4): a reload after a good
build that changed pages, the errors after a failed one, and their end after the next good
one even when it changed nothing; errors never move the site's version."""

from __future__ import annotations

import asyncio
from typing import Any, cast

from starlette.websockets import WebSocket
from storyville.preview.hub import ReloadHub


class Client:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    async def send_json(self, message: dict[str, Any]) -> None:
        self.sent.append(message)


def test_build_finished_sends_errors_then_their_end_then_reloads() -> None:
    hub = ReloadHub()
    client = Client()
    hub.clients.add(cast(WebSocket, client))
    error = {"kind": "exception", "file": "/w/a.py", "shown": "a.py", "line": 3, "message": "x"}

    async def builds() -> None:
        assert await hub.build_finished([], 1, [error]) == 1
        assert await hub.build_finished([], 2, [error]) == 1  # still failing: said again
        assert await hub.build_finished([], 3, []) == 1  # good, no page changed: banner goes
        assert await hub.build_finished([], 4, []) == 0  # nothing to say
        assert await hub.build_finished(["a.html"], 5, []) == 1

    asyncio.run(builds())
    assert [m["type"] for m in client.sent] == ["errors", "errors", "errors", "reload"]
    assert client.sent[0] == {"type": "errors", "build": 1, "errors": [error]}
    assert client.sent[2]["errors"] == []
    assert client.sent[3] == {
        "type": "reload",
        "build": 5,
        "pages": ["a.html"],
        "errors": [],
        "version": 1,  # errors did not move it
    }
    assert hub.errors == [] and hub.version == 1


def test_a_reload_carries_the_html_of_the_page_a_client_shows() -> None:
    """A client that said which page it shows gets that page's HTML with a reload that changed
    it (the page as served, rendered once for all its clients); the others get the message."""
    hub = ReloadHub()
    shows_a, shows_b, silent = Client(), Client(), Client()
    for client in (shows_a, shows_b, silent):
        hub.clients.add(cast(WebSocket, client))
    hub._note(cast(WebSocket, shows_a), '{"type": "page", "page": "a.html"}')
    hub._note(cast(WebSocket, shows_b), '{"type": "page", "page": "b.html"}')
    hub._note(cast(WebSocket, silent), "not json")
    rendered: list[str] = []

    def page_html(page: str) -> bytes:
        rendered.append(page)
        return f"<p>{page} at {hub.version}</p>".encode()

    hub.page_html = page_html
    asyncio.run(hub.build_finished(["a.html", "c.html"], 1, []))
    assert shows_a.sent[0]["html"] == "<p>a.html at 1</p>"  # the version the reload names
    assert "html" not in shows_b.sent[0] and "html" not in silent.sent[0]
    assert {k: v for k, v in shows_a.sent[0].items() if k != "html"} == silent.sent[0]
    assert rendered == ["a.html"]
