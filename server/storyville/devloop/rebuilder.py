"""Coalesce changes into builds: at most one running and one queued; the last save wins."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from storyville.devloop.protocols import CatalogSession
from storyville.results import BuildResult

log = logging.getLogger("storyville.rebuilder")

type Listener = Callable[[BuildResult], Awaitable[None] | None]


class Rebuilder:
    """Runs builds for requested changes, one at a time.

    Changes that arrive while a build runs are folded into a single follow-up build, and
    the running build's result is dropped unpublished: nothing older than the newest change
    is ever shown (no reload, no diagnostics), and the follow-up covers both.
    """

    def __init__(self, session: CatalogSession, listener: Listener | None = None) -> None:
        self.session = session
        self.listeners: list[Listener] = [listener] if listener else []
        self.on_start: list[Callable[[], None]] = []  # a build begins
        self.on_dropped: list[Callable[[], None]] = []  # a build was superseded
        self._pending: set[str] = set()
        self._wanted = asyncio.Event()
        self._generation = 0
        self._full = False
        self._task: asyncio.Task[None] | None = None
        self._idle = asyncio.Event()
        self._idle.set()
        self.running = 0  # builds in flight (never more than one)

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="storyville-rebuild")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def request(self, changed: set[str] | None = None, *, full: bool = False) -> None:
        self._pending |= changed or set()
        self._full = self._full or full
        self._generation += 1
        self._idle.clear()
        self._wanted.set()

    def supersede(self) -> None:
        """A newer change makes the running build's result stale, but asks for no build."""
        self._generation += 1
        if self.running == 0 and not self._wanted.is_set():
            self._idle.set()

    async def idle(self) -> None:
        """Wait until every requested change has been built and published."""
        await self._idle.wait()

    async def _run(self) -> None:
        while True:
            await self._wanted.wait()
            self._wanted.clear()
            changed, self._pending = self._pending, set()
            full, self._full = self._full, False
            generation = self._generation
            self.running += 1
            try:
                _notify(self.on_start)
                attempt = await self.session.collect(changed, full=full)
                if generation != self._generation:
                    # superseded: the follow-up build publishes
                    self._full = self._full or full
                    _notify(self.on_dropped)
                    continue
                result = await self.session.publish(attempt)
            except Exception:
                log.exception("build crashed inside storyville")
                continue
            finally:
                self.running -= 1
                if generation == self._generation and not self._wanted.is_set():
                    self._idle.set()
            for listener in self.listeners:
                try:
                    maybe = listener(result)
                    if maybe is not None:
                        await maybe
                except Exception:
                    log.exception("a build listener failed")


def _notify(callbacks: list[Callable[[], None]]) -> None:
    for callback in callbacks:
        try:
            callback()
        except Exception:
            log.exception("a build callback failed")
