"""What a build leaves behind for its host to read if it dies: where it was, how it exited.

A segfault or `os._exit()` leaves no exception to locate. So a build notes what it is doing
(one `pwrite` at offset 0 per stories module and per story, about a microsecond each) and
`os._exit` writes its caller's stack in faulthandler's format before the process goes. Both
run inside the build interpreter; the host's supervisor reads them after the death.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import traceback
from collections.abc import Callable, Iterator

NOTE_BYTES = 512


def activity_notes(fd: int | None) -> Callable[[str], None]:
    """A function that records the build's current step in `fd` (nothing without one)."""
    if fd is None:
        return lambda _: None

    def note(text: str) -> None:
        data = text.encode("utf-8", "replace")[: NOTE_BYTES - 1] + b"\n"
        with contextlib.suppress(OSError):
            os.pwrite(fd, data.ljust(NOTE_BYTES, b"\0"), 0)

    return note


def read_note(path: str) -> str:
    try:
        with open(path, "rb") as handle:  # noqa: PTH123 - a plain read of a few bytes
            data = handle.read(NOTE_BYTES)
    except OSError:
        return ""
    return data.split(b"\n", 1)[0].decode("utf-8", "replace").strip("\0 ")


@contextlib.contextmanager
def reporting_exits(crash_file: str | None) -> Iterator[None]:
    """While building, `os._exit(n)` first writes where it was called from to `crash_file`."""
    if crash_file is None:
        yield
        return
    real_exit = os._exit

    def _exit(status: int) -> None:
        with contextlib.suppress(Exception), open(crash_file, "a") as out:  # noqa: PTH123
            out.write(f"storyville: the build called os._exit({status})\n")
            out.write("Stack (most recent call first):\n")
            frame = sys._getframe(1)
            for summary in reversed(traceback.extract_stack(frame)):
                out.write(f'  File "{summary.filename}", line {summary.lineno} in {summary.name}\n')
        real_exit(status)

    os._exit = _exit
    try:
        yield
    finally:
        os._exit = real_exit


class TailBuffer(io.TextIOBase):
    """stdout for a build: keeps the last `limit` characters, however much is printed."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[str] = []
        self.size = 0
        self.dropped = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.parts.append(text)
        self.size += len(text)
        if self.size > 2 * self.limit:
            kept = "".join(self.parts)[-self.limit :]
            self.dropped += self.size - len(kept)
            self.parts, self.size = [kept], len(kept)
        return len(text)

    def getvalue(self) -> str:
        text = "".join(self.parts)[-self.limit :]
        dropped = self.dropped + max(self.size - self.limit, 0)
        return f"[{dropped} earlier characters not kept]\n{text}" if dropped else text
