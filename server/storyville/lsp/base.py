"""The server object every feature talks through: pygls's server plus storyville's state."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from storyville import __version__
from storyville.lsp.diagnostic_sets import DiagnosticSets
from storyville.lsp.options import LOG_LEVELS, Options
from storyville.lsp.rpc import StoryvilleProtocol

log = logging.getLogger("storyville.lsp")


class StoryvilleServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("storyville", __version__, protocol_cls=StoryvilleProtocol)
        self.options = Options()
        self.folders: list[Path] = []
        self._tasks: set[asyncio.Task[Any]] = set()
        self.diagnostics = DiagnosticSets(self._send_diagnostics)
        # Features told of files saved in the editor or changed on disk, with or without a catalog.
        self.on_files_changed: list[Callable[[set[str]], None]] = []
        # Features told of a document's unsaved text changing (didChange) and of its closing,
        # by uri: pygls takes one handler per notification (story_checks_feature.py has them).
        self.on_document_changed: list[Callable[[str], None]] = []
        self.on_document_closed: list[Callable[[str], None]] = []

    @property
    def rpc(self) -> StoryvilleProtocol:
        return cast(StoryvilleProtocol, self.protocol)

    async def close(self) -> None:
        """Stop what the server started; on `shutdown`, `exit` and at the end of input."""

    def spawn(self, coroutine: Any) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _send_diagnostics(self, uri: str, diagnostics: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
        )

    def log(self, message: str, kind: types.MessageType = types.MessageType.Log) -> None:
        """window/logMessage, when `kind` is within the `logLevel` option (the stderr log
        gets every message)."""
        log.info("%s", message)
        if kind.value <= LOG_LEVELS.get(self.options.log_level, types.MessageType.Log.value):
            self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def say(self, message: str, kind: types.MessageType = types.MessageType.Warning) -> None:
        log.warning("%s", message)
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))
