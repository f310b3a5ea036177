"""What keeps a build host's faults readable and bounded: faulthandler files, a memory
limit, a note of the current step, and a way to read a stuck thread's stack.

Files live in the directory the supervisor chose (`crash_dir`), so it can read them after
the host is gone:
- `fatal.txt`: faulthandler's dump on a fatal signal (SIGSEGV, SIGABRT, …) and what a
  wrapped `os._exit` writes;
- `stack.txt`: the stack of one thread, asked for with SIGUSR1 sent to that thread;
  SIGUSR2 sent to the process dumps every thread of the main interpreter there;
- `activity.txt`: the step the build is at ("rendering Button › Primary").
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import resource
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

FATAL = "fatal.txt"
STACK = "stack.txt"
ACTIVITY = "activity.txt"
_DUMP_WAIT = 1.0  # seconds for a signalled thread to write its stack


@dataclass(slots=True)
class Guard:
    directory: Path
    fatal: IO[str]
    stack: IO[str]
    activity_fd: int

    @classmethod
    def install(cls, directory: Path, memory_limit: int | None) -> Guard:
        directory.mkdir(parents=True, exist_ok=True)
        fatal = (directory / FATAL).open("w")
        stack = (directory / STACK).open("w")
        faulthandler.enable(file=fatal, all_threads=True)
        # A signalled thread dumps itself: the only way to see a subinterpreter's frames.
        faulthandler.register(signal.SIGUSR1, file=stack, all_threads=False, chain=False)
        faulthandler.register(signal.SIGUSR2, file=stack, all_threads=True, chain=False)
        activity_fd = os.open(directory / ACTIVITY, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        if memory_limit is not None:
            limit_memory(memory_limit)
        return cls(directory, fatal, stack, activity_fd)

    def new_build(self) -> None:
        """Each build's files start empty, so what is read after a death is that build's."""
        for handle in (self.fatal, self.stack):
            handle.seek(0)
            handle.truncate()
        os.ftruncate(self.activity_fd, 0)

    def stack_of(self, thread: threading.Thread) -> str:
        """The Python stack `thread` is in right now (it may be stuck in C code)."""
        if thread.ident is None or not thread.is_alive():
            return ""
        self.stack.seek(0)
        self.stack.truncate()
        path = self.directory / STACK
        signal.pthread_kill(thread.ident, signal.SIGUSR1)
        return read_dump(path)


def read_dump(path: Path, wait: float = _DUMP_WAIT) -> str:
    """faulthandler's dump in `path` once it holds frames and stopped growing (a read can
    land mid-write), or "" after `wait` seconds.

    No event says the signal handler has written (it does within microseconds to a moment),
    so this polls, briefly and bounded.
    """
    deadline = time.monotonic() + wait
    seen = ""
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            text = path.read_text(errors="replace")
            if "File" in text and text == seen:  # frames, and no longer growing
                return text
            seen = text
        time.sleep(0.005)
    return seen if "File" in seen else ""


def limit_memory(size: int | None) -> None:
    """Cap the host's address space: past it an allocation fails with MemoryError (None:
    up to the hard limit, which is never lowered, so a later change can raise the cap)."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if size is None:
        size = hard
    elif hard != resource.RLIM_INFINITY:
        size = min(size, hard)
    resource.setrlimit(resource.RLIMIT_AS, (size, hard))
