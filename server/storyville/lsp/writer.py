"""The language server's output: frames written in order from a thread of their own."""

from __future__ import annotations

import json
import logging
import os
import threading
from collections import deque
from collections.abc import Callable

from lsprotocol import types

log = logging.getLogger("storyville.lsp")

MAX_PENDING = 64 * 1024 * 1024
"""Output waiting for a slow editor past which log lines are dropped and input waits."""

FLUSH_LIMIT = 5.0
"""Seconds the last output gets to reach an editor that may have stopped reading."""

_BATCH = 1024 * 1024


class FrameWriter:
    """Frames written in order from a thread of their own, so a slow editor stalls only it.

    Past `limit` bytes waiting, log lines and progress reports are dropped (counted, and said
    once the queue drains) and `wait_for_room` holds the reader, so no new request adds to the
    queue: memory stays bounded and responses and diagnostics are never dropped.
    """

    def __init__(
        self, fd: int, limit: int = MAX_PENDING, on_lost: Callable[[], None] | None = None
    ) -> None:
        self._fd = fd
        self._limit = limit
        self._on_lost = on_lost
        self._frames: deque[bytes] = deque()
        self._pending = 0
        self._dropped = 0
        self._closing = False
        self.lost = False  # the editor closed its end
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="storyville-lsp-writer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def put(self, frame: bytes, *, droppable: bool = False) -> None:
        with self._changed:
            if self.lost:
                return
            if droppable and self._pending + len(frame) > self._limit:
                self._dropped += 1
                return
            self._frames.append(frame)
            self._pending += len(frame)
            self._changed.notify_all()

    def write(self, data: bytes) -> None:
        """pygls's writer interface."""
        self.put(data)

    def wait_for_room(self) -> None:
        with self._changed:
            self._changed.wait_for(lambda: self._pending < self._limit or self.lost)

    def close(self, timeout: float = FLUSH_LIMIT) -> None:
        """Write what is queued (for at most `timeout` seconds), then stop."""
        with self._changed:
            self._closing = True
            self._changed.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._frames or self._closing)
                if not self._frames:
                    return
                batch: list[bytes] = []
                size = 0
                while self._frames and size < _BATCH:
                    batch.append(self._frames.popleft())
                    size += len(batch[-1])
            data = b"".join(batch)
            try:
                _write_all(self._fd, data)
            except OSError as exc:
                log.warning("the editor stopped reading the server's output: %s", exc)
                with self._changed:
                    self.lost = True
                    self._frames.clear()
                    self._pending = 0
                    self._changed.notify_all()
                if self._on_lost is not None:
                    self._on_lost()
                return
            with self._changed:
                self._pending -= len(data)
                if self._dropped and self._pending < self._limit // 2:
                    self._frames.append(_dropped_notice(self._dropped))
                    self._pending += len(self._frames[-1])
                    self._dropped = 0
                self._changed.notify_all()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _dropped_notice(count: int) -> bytes:
    message = f"storyville: {count} log and progress messages dropped while the editor was busy"
    body = json.dumps(
        {
            "jsonrpc": "2.0",
            "method": types.WINDOW_LOG_MESSAGE,
            "params": {"type": types.MessageType.Warning.value, "message": message},
        }
    ).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body
