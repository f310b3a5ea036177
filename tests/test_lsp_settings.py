"""Settings changed while the server runs (`workspace/didChangeConfiguration`), over stdio:
what applies live does without a restart; what needs one says so."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp_harness import Inbox, lsp_session, save
from tests.test_lsp import BUILD, BUTTON, BUTTON_STORIES, first_build, write_catalog

LOG = types.WINDOW_LOG_MESSAGE
SLOW = BUTTON.replace(
    "def Button(label: str = LABEL):\n",
    "def Button(label: str = LABEL):\n    __import__('time').sleep(8)\n",
)


def configure(client: LanguageClient, settings: Any) -> None:
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=settings))


async def applied(client: LanguageClient, after: int, timeout: float = 10) -> str:
    """The server's next "settings applied" log message past `after` log messages."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in client.log_messages[after:]:
            if message.message.startswith("settings applied"):
                return message.message
        await _tick()
    raise AssertionError(
        f"no settings applied in {[m.message for m in client.log_messages[after:]]}"
    )


async def _tick() -> None:
    await asyncio.sleep(0.02)


async def build_after(client: LanguageClient, inbox: Inbox, path: Path, text: str) -> Any:
    builds = inbox.mark(BUILD)
    save(client, path, text)
    return await inbox.next(BUILD, after=builds)


async def test_a_time_limit_applies_to_the_next_build_without_a_restart(tmp_path: Path) -> None:
    button = write_catalog(tmp_path) / "widgets/button/button.py"
    async with lsp_session(tmp_path, {"package": "shop"}) as (client, inbox):
        await first_build(inbox)
        logs = len(client.log_messages)
        sent = time.monotonic()
        configure(client, {"storyville": {"timeLimit": 1, "interpreter": "/usr/bin/python3"}})
        message = await applied(client, logs)
        assert message == "settings applied: timeLimit 1 (from the next build)", message
        assert time.monotonic() - sent < 10  # a new build host, warm (no new server)

        started = time.monotonic()
        finished = await build_after(client, inbox, button, SLOW)
        assert not finished.ok
        assert [e.kind for e in finished.errors] == ["timeout"]
        assert "longer than 1 s" in finished.errors[0].message
        assert time.monotonic() - started < 6  # not the 8 s the component sleeps

        logs = len(client.log_messages)
        configure(client, {"storyville": {"timeLimit": 30}})
        await applied(client, logs)
        finished = await build_after(client, inbox, button, BUTTON)
        assert finished.ok, finished.errors


async def test_a_memory_limit_applies_to_the_next_build_both_ways(tmp_path: Path) -> None:
    button = write_catalog(tmp_path) / "widgets/button/button.py"
    big = BUTTON.replace(
        "def Button(label: str = LABEL):\n",
        "def Button(label: str = LABEL):\n    data = bytearray(1536 * 2**20)\n",
    )
    async with lsp_session(tmp_path, {"package": "shop"}) as (client, inbox):
        await first_build(inbox)
        logs = len(client.log_messages)
        configure(client, {"storyville": {"memoryLimitMb": 1024}})
        assert await applied(client, logs) == (
            "settings applied: memoryLimitMb 1024 (from the next build)"
        )
        finished = await build_after(client, inbox, button, big)
        assert [e.kind for e in finished.errors] == ["memory"]
        assert "the build used more than 1 GiB" in finished.errors[0].message

        logs = len(client.log_messages)
        configure(client, {"storyville": {"memoryLimitMb": 4096}})  # raised again
        await applied(client, logs)
        finished = await build_after(client, inbox, button, BUTTON)
        assert finished.ok, finished.errors


async def test_the_log_level_applies_at_once(tmp_path: Path) -> None:
    stories = write_catalog(tmp_path) / "widgets/button/stories.py"
    async with lsp_session(tmp_path, {"package": "shop"}) as (client, inbox):
        await first_build(inbox)
        logs = len(client.log_messages)
        configure(client, {"storyville": {"logLevel": "warning"}})
        failing = BUTTON_STORIES.replace('"label": "Buy later"', '"label": "Sell"')
        await build_after(client, inbox, stories, failing)
        kinds = {m.type for m in client.log_messages[logs:]}
        assert kinds <= {types.MessageType.Error, types.MessageType.Warning}, kinds  # no summary

        configure(client, {"storyville": {"logLevel": "log"}})
        logs = len(client.log_messages)
        await build_after(client, inbox, stories, BUTTON_STORIES)
        kinds = {m.type for m in client.log_messages[logs:]}
        assert types.MessageType.Info in kinds


async def test_settings_are_asked_for_when_the_notification_has_none(tmp_path: Path) -> None:
    stories = write_catalog(tmp_path) / "widgets/button/stories.py"
    failing = BUTTON_STORIES.replace('"label": "Buy later"', '"label": "Sell"')
    stories.write_text(failing, encoding="utf-8")
    async with lsp_session(tmp_path, {"package": "shop"}) as (client, inbox):
        result = await inbox.next(BUILD)
        assert result.assertionsFailed == 1
        client.set_configuration({"storyville": {"withAssertions": False}})
        builds, logs = inbox.mark(BUILD), len(client.log_messages)
        configure(client, None)  # the pull model: the server asks with workspace/configuration
        assert "withAssertions false" in await applied(client, logs)
        rebuilt = await inbox.next(BUILD, after=builds)  # assertions off: a rebuild without them
        assert (rebuilt.ok, rebuilt.assertionsFailed) == (True, 0)


async def test_the_package_and_port_say_they_need_a_restart(tmp_path: Path) -> None:
    write_catalog(tmp_path)
    async with lsp_session(tmp_path, {"package": "shop"}) as (client, inbox):
        await first_build(inbox)
        shown = len(client.messages)
        configure(client, {"storyville": {"package": "other", "preview": {"port": 8765}}})
        deadline = time.monotonic() + 10
        while len(client.messages) == shown and time.monotonic() < deadline:
            await _tick()
        (said,) = client.messages[shown:]
        assert said.message.startswith("storyville: package and previewPort take effect when")
        logs = len(client.log_messages)
        configure(client, {"storyville": {"package": "shop", "preview": {"port": 0}}})
        configure(client, {"storyville": {"timeLimit": 20}})  # the same as they were: quiet
        await applied(client, logs)
        assert len(client.messages) == shown + 1
