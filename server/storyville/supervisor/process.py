"""One build host child process: starting it, its pipe, its output, how it ended.

The host runs `python -m storyville.host FD` in a session of its own (Ctrl+C in a terminal
reaches the supervisor, which decides), with stdin closed and stdout/stderr on a pipe this
side drains: nothing a catalog prints can reach an editor's protocol stream, and a flood
is read and dropped rather than blocking the host.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path

import storyville
from storyville.collect.telltale import read_note
from storyville.host import protocol
from storyville.host.guard import ACTIVITY, FATAL, STACK, read_dump

log = logging.getLogger("storyville.supervisor")

OUTPUT_BUDGET = 64 * 1024  # bytes of a build's raw output passed on to the log
_READY_TIMEOUT = 60.0
_LINE = 1000  # bytes of one output line passed on


class HostDied(Exception):
    """The host ended while a request was out (or before it was ready)."""

    def __init__(self, returncode: int, dump: str, activity: str) -> None:
        super().__init__(f"build host ended ({returncode})")
        self.returncode = returncode
        self.dump = dump
        self.activity = activity


class HostProcess:
    def __init__(
        self,
        config: protocol.HostConfig,
        on_message: Callable[[protocol.Reply], object],
        on_exit: Callable[[HostDied], object],
        on_output: Callable[[str], object],
    ) -> None:
        self.crash_dir = Path(tempfile.mkdtemp(prefix="storyville-host-"))
        self.config = replace(config, crash_dir=self.crash_dir)
        self.on_message = on_message
        self.on_exit = on_exit
        self.on_output = on_output
        self.process: subprocess.Popen[bytes] | None = None
        self.connection: Connection | None = None
        self.ready: protocol.Ready | None = None
        self.exited: HostDied | None = None
        self.budget = OUTPUT_BUDGET
        self.dropped = 0
        self._send_lock = threading.Lock()
        self._exit_lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    def start(self) -> protocol.Ready:
        """Spawn and wait until its first interpreter is warm (blocking: use a thread)."""
        ours, theirs = socket.socketpair()
        package_root = str(Path(storyville.__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_root, env.get("PYTHONPATH", "")) if p
        )
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "storyville.host", str(theirs.fileno())],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env=env,
                cwd=Path.cwd(),
            )
        finally:
            theirs.close()
        self.connection = Connection(ours.detach())
        threading.Thread(target=self._drain, name="storyville-host-output", daemon=True).start()
        self.connection.send(self.config)
        if not self.connection.poll(_READY_TIMEOUT):
            self.kill()
            raise self._died()
        try:
            ready = self.connection.recv()
        except EOFError, OSError:
            raise self._died() from None
        assert isinstance(ready, protocol.Ready)
        self.ready = ready
        threading.Thread(target=self._read, name="storyville-host-reader", daemon=True).start()
        return ready

    def send(self, request: protocol.Request) -> None:
        if self.connection is None:
            raise self._died()
        with self._send_lock:
            try:
                self.connection.send(request)
            except OSError:
                raise self._died() from None

    def new_build(self) -> int:
        """Start a build's output budget; returns what the last build's output dropped."""
        dropped, self.dropped, self.budget = self.dropped, 0, OUTPUT_BUDGET
        return dropped

    def _read(self) -> None:
        connection = self.connection
        assert connection is not None
        while True:
            try:
                message = connection.recv()
            except EOFError, OSError:
                break
            self.on_message(message)
        self.on_exit(self._died())

    def _drain(self) -> None:
        """Pass on up to a budget of each build's output, in lines of at most 1,000 bytes;
        count the rest. Reads in chunks, so a 50 MB line costs no more memory than a short one."""
        assert self.process is not None and self.process.stdout is not None
        fd = self.process.stdout.fileno()
        pending = b""
        while chunk := os.read(fd, 65536):
            pending += chunk
            *lines, pending = pending.split(b"\n")
            if len(pending) > _LINE:  # no newline in sight: pass on a piece
                lines.append(pending)
                pending = b""
            for line in lines:
                self._pass_on(line)
        if pending:
            self._pass_on(pending)

    def _pass_on(self, line: bytes) -> None:
        if self.budget <= 0:
            self.dropped += len(line)
            return
        shown = line[: min(_LINE, self.budget)]
        self.dropped += len(line) - len(shown)
        self.budget -= len(shown) + 1
        self.on_output(shown.decode("utf-8", "replace"))

    def _died(self) -> HostDied:
        with self._exit_lock:
            return self._record_exit()

    def _record_exit(self) -> HostDied:
        if self.exited is None:
            returncode = self.process.wait() if self.process is not None else -1
            self.exited = HostDied(returncode, self._dump(), self._activity())
            self._close_connection()
        return self.exited

    def _dump(self) -> str:
        parts = []
        for name in (FATAL, STACK):
            with contextlib.suppress(OSError):
                parts.append((self.crash_dir / name).read_text(errors="replace"))
        return "\n".join(p for p in parts if p.strip())

    def _activity(self) -> str:
        return read_note(str(self.crash_dir / ACTIVITY))

    def dump_all_threads(self) -> str:
        """Ask an unresponsive host where its threads are (faulthandler on SIGUSR2)."""
        if self.process is None or self.process.poll() is not None:
            return ""
        path = self.crash_dir / STACK
        with contextlib.suppress(OSError):
            path.write_text("")
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.process.pid, signal.SIGUSR2)
        return read_dump(path)

    def kill(self) -> None:
        """End the host and anything it forked, now; its memory is returned."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        self.process.wait()

    def stop(self, grace: float = 2.0) -> None:
        """Ask the host to leave; end it if it has not within `grace` seconds."""
        with contextlib.suppress(HostDied):
            self.send(protocol.Shutdown())
        if self.process is not None:
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                log.warning("the build host did not stop within %g s; ending it", grace)
        self.kill()
        self._close_connection()

    def cleanup(self) -> None:
        shutil.rmtree(self.crash_dir, ignore_errors=True)

    def _close_connection(self) -> None:
        if self.connection is not None:
            with contextlib.suppress(OSError):
                self.connection.close()
