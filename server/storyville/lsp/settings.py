"""Settings changed while the server runs: `workspace/didChangeConfiguration`.

The `storyville` section comes in the notification (`{"settings": {"storyville": {…}}}`,
what vscode-languageclient sends with `synchronize.configurationSection: "storyville"`),
or, when the notification carries none, is asked for with `workspace/configuration`. It is
read by `options.py`, as the initialization options are. What can change live does at
once: the log level and showDocument here, limits and assertions through a new build host
(`TrackedCatalog.reconfigure`); the package and the preview port say they need a restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any

from lsprotocol import types

from storyville.lsp.base import StoryvilleServer
from storyville.lsp.options import Options, parse_settings
from storyville.lsp.tracked import TrackedCatalog

log = logging.getLogger("storyville.lsp")

SECTION = "storyville"
_NEED_RESTART = {"package": "package", "preview_port": "previewPort"}
_NAMES = {
    "use_subinterpreters": "useSubinterpreters",
    "show_document": "showDocument",
    "with_assertions": "withAssertions",
    "time_limit": "timeLimit",
    "memory_limit": "memoryLimitMb",
    "log_level": "logLevel",
    **_NEED_RESTART,
}


class Settings:
    """`tracked` gives the catalog once there is one; `starting` the task starting it."""

    def __init__(
        self,
        server: StoryvilleServer,
        tracked: Callable[[], TrackedCatalog | None],
        starting: Callable[[], asyncio.Task[None] | None],
    ) -> None:
        self.server = server
        self.tracked = tracked
        self.starting = starting
        self.lock = asyncio.Lock()  # one change at a time, in the order they came

    async def changed(self, settings: Any) -> None:
        section = await self.section(settings)
        if section is None:
            return
        async with self.lock:
            starting = self.starting()
            if starting is not None and not starting.done():
                with contextlib.suppress(asyncio.CancelledError):
                    await asyncio.shield(starting)
            await self.apply(section)

    async def section(self, settings: Any) -> Any:
        """The `storyville` section, sent or (when the client sent none) asked for."""
        if isinstance(settings, dict) and SECTION in settings:
            return settings[SECTION]
        workspace = self.server.client_capabilities.workspace
        if workspace is None or not workspace.configuration:
            return None
        try:
            answer = await self.server.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])
            )
        except Exception as exc:  # noqa: BLE001 - a client that cannot answer: nothing changed
            log.info("workspace/configuration failed: %s", exc)
            return None
        return answer[0] if answer and isinstance(answer[0], dict) else None

    async def apply(self, section: Any) -> None:
        server = self.server
        old = server.options
        new, problems = parse_settings(section, old)
        for problem in problems:
            server.log(problem, types.MessageType.Warning)
        restart = [_NAMES[f] for f in _NEED_RESTART if getattr(new, f) != getattr(old, f)]
        new = replace(new, **{f: getattr(old, f) for f in _NEED_RESTART})  # not in effect
        changed = [f.name for f in fields(Options) if getattr(new, f.name) != getattr(old, f.name)]
        server.options = new
        cost = None
        if (tracked := self.tracked()) is not None:
            cost = await tracked.reconfigure(new)
        if changed:
            said = ", ".join(f"{_NAMES[f]} {_shown(new, f)}" for f in changed)
            server.log(f"settings applied: {said}" + (f" ({cost})" if cost else ""))
        if restart:
            server.say(
                f"storyville: {' and '.join(restart)} take effect when the language server "
                "restarts (VS Code: Storyville: Restart Server)",
                types.MessageType.Info,
            )


def _shown(options: Options, field: str) -> str:
    value = getattr(options, field)
    if field == "memory_limit":
        return "0" if value is None else str(value // 2**20)
    return str(value).lower() if isinstance(value, bool) else str(value)


def register_settings(
    server: StoryvilleServer,
    tracked: Callable[[], TrackedCatalog | None],
    starting: Callable[[], asyncio.Task[None] | None],
) -> Settings:
    settings = Settings(server, tracked, starting)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(
        ls: StoryvilleServer, params: types.DidChangeConfigurationParams
    ) -> None:
        await settings.changed(params.settings)

    return settings
