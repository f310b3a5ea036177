"""storyville's diagnostics per document, kept by producer and published as their union.

`textDocument/publishDiagnostics` replaces everything a server said about a document, and
three producers speak about the same files: the build (on save), the static story checks
(while typing) and the syntax check of unsaved text (while typing). Each keeps its own set
here, so none wipes another's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Literal

from lsprotocol import types

type Producer = Literal["build", "typing", "static"]
type Send = Callable[[str, list[types.Diagnostic]], None]
# The build's first, whoever spoke first.
_ORDER: tuple[Producer, ...] = ("build", "typing", "static")
_SYNTAX = "syntax-error"


class DiagnosticSets:
    def __init__(self, send: Send) -> None:
        self._send = send
        self._sets: dict[Producer, dict[str, list[types.Diagnostic]]] = {}
        self._typed: set[str] = set()  # documents whose unsaved text's syntax was checked

    def replace(self, producer: Producer, by_uri: Mapping[str, Sequence[types.Diagnostic]]) -> None:
        """All of the producer's diagnostics: documents it no longer names lose its share.

        Every document named is published, changed or not (a build's result always is).
        """
        old = self._sets.get(producer, {})
        self._sets[producer] = {uri: list(found) for uri, found in by_uri.items() if found}
        for uri in dict.fromkeys([*old, *by_uri]):
            self._publish(uri)

    def update(self, producer: Producer, uri: str, found: Sequence[types.Diagnostic]) -> None:
        """One document's diagnostics from the producer, published only when they change."""
        current = self._sets.setdefault(producer, {})
        if current.get(uri, []) == list(found):
            return
        if found:
            current[uri] = list(found)
        else:
            current.pop(uri, None)
        self._publish(uri)

    def typing(self, uri: str, found: Sequence[types.Diagnostic] | None) -> None:
        """The syntax check of the document's unsaved text (`found`: its error, or none).

        While it speaks for a document, a syntax error the last save or build found there
        is not shown: the text has moved on. None: saved or closed, the save speaks again.
        """
        before = self._merged(uri)
        if found is None:
            self._typed.discard(uri)
        else:
            self._typed.add(uri)
        current = self._sets.setdefault("typing", {})
        if found:
            current[uri] = list(found)
        else:
            current.pop(uri, None)
        if self._merged(uri) != before:
            self._publish(uri)

    def of(self, producer: Producer, uri: str) -> list[types.Diagnostic]:
        return list(self._sets.get(producer, {}).get(uri, []))

    def _merged(self, uri: str) -> list[types.Diagnostic]:
        typed = uri in self._typed
        return [
            d
            for p in _ORDER
            for d in self._sets.get(p, {}).get(uri, [])
            if not (typed and p == "build" and d.code == _SYNTAX)
        ]

    def _publish(self, uri: str) -> None:
        self._send(uri, self._merged(uri))
