"""Run the real `storyville serve` for tests: started here, stopped by PID, no sleeps."""

from __future__ import annotations

import asyncio
import html
import json
import os
import re
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import websockets


@dataclass
class ServeProcess:
    workspace: Path
    package: str
    args: tuple[str, ...] = ()
    url: str = ""
    lines: list[str] = field(default_factory=list)
    _proc: subprocess.Popen[str] | None = None
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def start(self, timeout: float = 60) -> ServeProcess:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "storyville", "serve", self.package, "--port", "0", *self.args],
            cwd=self.workspace,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.wait_for(r"serving \S+ at (http://\S+)", timeout=timeout).group(1)
        return self

    def _read(self) -> None:
        assert self._proc is not None and self._proc.stderr is not None
        for line in self._proc.stderr:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self.lines.append("<exited>")
            self._changed.notify_all()

    def mark(self) -> int:
        """A position in the output; `wait_for(after=...)` only looks past it."""
        with self._changed:
            return len(self.lines)

    def wait_for(self, pattern: str, *, after: int = 0, timeout: float = 30) -> re.Match[str]:
        regex = re.compile(pattern)
        seen = after

        def found() -> re.Match[str] | None:
            nonlocal seen
            for line in self.lines[seen:]:
                seen += 1
                if (match := regex.search(line)) is not None:
                    return match
            return None

        with self._changed:
            match = self._changed.wait_for(lambda: found() or "<exited>" in self.lines, timeout)
        if not isinstance(match, re.Match):
            tail = "\n".join(self.lines[-30:])
            raise AssertionError(f"no line matching {pattern!r} within {timeout} s:\n{tail}")
        return match

    @property
    def pid(self) -> int:
        assert self._proc is not None
        return self._proc.pid

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return httpx.get(self.url + path.lstrip("/"), timeout=10, **kwargs)

    def stop(self) -> int:
        if self._proc is None:
            return 0
        if self._proc.poll() is None:
            os.kill(self._proc.pid, signal.SIGTERM)
            try:
                return self._proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.kill(self._proc.pid, signal.SIGKILL)
                self._proc.wait(timeout=10)
                raise AssertionError("storyville serve did not stop on SIGTERM") from None
        return self._proc.returncode


class ReloadClient:
    """A WebSocket client of `/ws/reload`, as the pages' script is."""

    def __init__(self, url: str, origin: str | None = None) -> None:
        self.url = url.replace("http://", "ws://") + "ws/reload"
        self.origin = origin
        self.socket: Any = None

    async def __aenter__(self) -> ReloadClient:
        headers = {"Origin": self.origin} if self.origin else None
        self.socket = await websockets.connect(self.url, additional_headers=headers)
        hello = json.loads(await self.socket.recv())
        assert hello["type"] == "hello"
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.socket.close()

    async def reload(self, timeout: float = 30) -> dict[str, Any]:
        """The next reload message."""
        return await self.next("reload", timeout)

    async def next(self, kind: str, timeout: float = 30) -> dict[str, Any]:
        """The next message of this type ("reload", "errors")."""
        async with asyncio.timeout(timeout):
            while True:
                message = json.loads(await self.socket.recv())
                if message.get("type") == kind:
                    return message


def canvas(server: ServeProcess, page: str) -> str:
    response = server.get(page)
    assert response.status_code == 200, response.text
    match = re.search(r'srcdoc="([^"]*)"', response.text)
    assert match, response.text
    return html.unescape(match.group(1))


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (its build host, and anything that forked), from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def threads(pids: set[int]) -> int:
    """How many threads these processes have between them."""
    count = 0
    for pid in pids:
        try:
            count += len(list(Path(f"/proc/{pid}/task").iterdir()))
        except OSError:
            continue
    return count
