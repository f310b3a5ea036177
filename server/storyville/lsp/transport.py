"""The language server's byte stream: a reader thread, a writer thread, and the way out.

The asyncio loop also serves the preview, so it never waits on the editor: frames are read on
one thread (`framing.FrameReader`) and written from a queue on another, and the loop only
dispatches. `exit` and the end of input end the session the same way: the server's `close()`
(the catalog stops, its site directory goes), the queued output flushed, then the status.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from storyville.lsp.framing import FrameReader
from storyville.lsp.writer import FrameWriter

if TYPE_CHECKING:
    from storyville.lsp.base import StoryvilleServer

log = logging.getLogger("storyville.lsp")

CLOSE_LIMIT = 15.0
"""Seconds `close()` gets on the way out; an exit never waits longer on the catalog."""

FLUSH_LIMIT = 5.0
"""Seconds the last output gets to reach an editor that may have stopped reading."""

_IN_FLIGHT = 128  # messages read but not yet dispatched by the loop
_END = object()  # in the inbox: the input has ended


def serve(server: StoryvilleServer, fd_in: int, fd_out: int) -> int:
    """Serve LSP on two file descriptors until `exit` or the end of input; the exit status."""

    async def session() -> int:
        return await _Session(server, fd_in, fd_out).run()

    return asyncio.run(session())


class _Session:
    """One client's connection: the loop side of the reader and writer threads."""

    def __init__(self, server: StoryvilleServer, fd_in: int, fd_out: int) -> None:
        self.server = server
        self.protocol = server.rpc
        self.fd_in = fd_in
        self.writer = FrameWriter(fd_out, on_lost=self._lost)
        self.slots = threading.BoundedSemaphore(_IN_FLIGHT)
        self.loop = asyncio.get_running_loop()
        self.ended: asyncio.Future[int] = self.loop.create_future()
        self.inbox: asyncio.Queue[Any] = asyncio.Queue()  # bounded by `slots`

    async def run(self) -> int:
        self.protocol.set_writer(self.writer)
        self.protocol.on_exit = self._end
        self.writer.start()
        threading.Thread(target=self._read, name="storyville-lsp-reader", daemon=True).start()
        dispatching = asyncio.create_task(self._dispatch())
        status = await self.ended
        dispatching.cancel()
        try:
            async with asyncio.timeout(CLOSE_LIMIT):
                await self.server.close()
        except TimeoutError:
            log.warning("stopping the catalog took over %s s; exiting anyway", CLOSE_LIMIT)
        except Exception:
            log.exception("stopping the catalog failed")
        await asyncio.to_thread(self.writer.close)
        return status

    # --- on the reader thread ---------------------------------------------------------------

    def _read(self) -> None:
        frames = FrameReader(functools.partial(os.read, self.fd_in), self._reported)
        try:
            for message in frames.messages():
                self.writer.wait_for_room()
                self.slots.acquire()
                if not self._soon(self.inbox.put_nowait, message):
                    return
        except OSError as exc:
            log.warning("reading the editor's input failed: %s", exc)
        self._soon(self.inbox.put_nowait, _END)

    def _lost(self) -> None:  # on the writer thread
        self._soon(self._end, 1)

    def _reported(self, problem: str) -> None:
        self._soon(self._tell, problem)

    def _soon(self, callback: Callable[..., Any], *args: Any) -> bool:
        try:
            self.loop.call_soon_threadsafe(callback, *args)
        except RuntimeError:  # the loop has closed: the session is over
            return False
        return True

    # --- on the loop ------------------------------------------------------------------------

    async def _dispatch(self) -> None:
        """Messages in order; each handler gets to start before the next message is read,
        as with pygls's own reader (a notification's task runs before a later request)."""
        while (message := await self.inbox.get()) is not _END:
            self.slots.release()
            try:
                self.protocol.receive(message)
            except Exception:
                log.exception("could not handle %.200r", message)
            await asyncio.sleep(0)
        log.info("end of input")
        self._end(0 if self.protocol.shutdown_seen else 1)

    def _tell(self, problem: str) -> None:
        if not self.ended.done():
            self.server.log(f"storyville: protocol input: {problem}", types.MessageType.Warning)

    def _end(self, status: int) -> None:
        if not self.ended.done():
            self.ended.set_result(status)
