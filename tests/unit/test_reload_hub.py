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
