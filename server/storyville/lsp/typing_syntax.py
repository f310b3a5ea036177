"""Syntax errors while typing: the unsaved text of a catalog `.py` file, checked as it changes.

On `textDocument/didChange`, once the text has rested for `DELAY` (each change restarts the
wait, and continuous typing is checked at least every `MAX_WAIT`), the document's current
text goes through the save's own check (`syntax.py`); its error, if any, is the document's
"typing" share of diagnostics (`diagnostic_sets.py`), so the build's and the static checks'
stay. No build runs: builds stay on save, where the save's check takes over again.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from pygls.uris import to_fs_path

from storyville.catalog.files import UserFiles
from storyville.lsp.base import StoryvilleServer
from storyville.lsp.diagnostics import DiagnosticMaker
from storyville.lsp.syntax import syntax_error

DELAY = 0.3  # seconds of rest before the text is checked
MAX_WAIT = 1.0  # at most this long after the first unchecked change


class Handle(Protocol):
    def cancel(self) -> None: ...


type Later = Callable[[float, Callable[[], None]], Handle]


class Debounce[K]:
    """Runs `action(key)` once `delay` after the key's last `poke`, and no later than
    `max_wait` after its first poke since it last ran. One timer per key at most."""

    def __init__(
        self,
        action: Callable[[K], None],
        delay: float = DELAY,
        max_wait: float = MAX_WAIT,
        *,
        later: Later | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.action = action
        self.delay = delay
        self.max_wait = max_wait
        self._later = later
        self._clock = clock
        self._waiting: dict[K, tuple[float, Handle]] = {}  # key: (first poke, timer)

    def poke(self, key: K) -> None:
        now = self._clock()
        first = now
        if (waiting := self._waiting.pop(key, None)) is not None:
            first, timer = waiting
            timer.cancel()
        wait = max(0.0, min(self.delay, first + self.max_wait - now))
        later = self._later or asyncio.get_running_loop().call_later
        self._waiting[key] = (first, later(wait, lambda: self._fire(key)))

    def cancel(self, key: K) -> None:
        if (waiting := self._waiting.pop(key, None)) is not None:
            waiting[1].cancel()

    def pending(self) -> set[K]:
        return set(self._waiting)

    def _fire(self, key: K) -> None:
        self._waiting.pop(key, None)
        self.action(key)


class TypingSyntax:
    """`catalog` answers, for a file's path, the catalog's user files when the catalog uses
    the file (None otherwise, and while there is no catalog)."""

    def __init__(
        self,
        server: StoryvilleServer,
        catalog: Callable[[str], UserFiles | None],
        delay: float = DELAY,
        max_wait: float = MAX_WAIT,
    ) -> None:
        self.server = server
        self.catalog = catalog
        self.debounce: Debounce[str] = Debounce(self.check, delay, max_wait)
        server.on_document_changed.append(self.changed)
        server.on_document_closed.append(self.forget)

    def changed(self, uri: str) -> None:
        if uri.endswith(".py"):
            self.debounce.poke(uri)

    def forget(self, uri: str) -> None:
        """Saved or closed: what the save found (or the disk) speaks for the file again."""
        self.debounce.cancel(uri)
        self.server.diagnostics.typing(uri, None)

    def check(self, uri: str) -> None:
        document = self.server.workspace.text_documents.get(uri)
        path = to_fs_path(uri)
        if document is None or not path:
            return
        path = str(Path(path).resolve())
        if (user := self.catalog(path)) is None:
            return
        error = syntax_error(path, user, document.source)
        found = []
        if error is not None and error.source is not None:
            lines = list(document.lines)  # the ranges are in the text being typed
            encode = self.server.workspace.position_codec.position_to_client_units
            found.append(DiagnosticMaker(lambda _: lines, encode, user).diagnostic(error))
        self.server.diagnostics.typing(uri, found)
