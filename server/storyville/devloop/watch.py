"""Watch the catalog's files with watchfiles and request rebuilds (for `serve`, and for
editors that cannot watch files themselves)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from pathlib import Path

from watchfiles import Change, DefaultFilter, awatch

from storyville.catalog.ignore import ignored

log = logging.getLogger("storyville.watch")

DEBOUNCE_MS = 400  # longest a burst of events is grouped
# Quiet time that ends a burst: watchfiles hands over a batch once a step passes with no
# new change, so a save is seen 1-2 steps after it is written. Editors write a file well
# within 5 ms; a slower write seen half-done is superseded by its own next event, and the
# Rebuilder drops the half-done build unpublished.
STEP_MS = 5
CHECK_MS = 1000  # how often an idle watcher checks its directories are still the same ones


class _CatalogFilter(DefaultFilter):
    """watchfiles' filter for editor debris, plus storyville's one ignore list, applied
    below each watched directory (so a catalog under a hidden directory is still seen)."""

    def __init__(self, ignore: tuple[Path, ...], watched: Callable[[], frozenset[Path]]) -> None:
        super().__init__(ignore_dirs=(), ignore_paths=[str(p) for p in ignore])
        self.watched = watched

    def __call__(self, change: Change, path: str) -> bool:
        if not super().__call__(change, path):
            return False
        file = Path(path)
        wanted = self.watched()
        for directory in wanted:
            if file.is_relative_to(directory):
                return file == directory or not ignored(file.relative_to(directory))
        # Elsewhere: a sibling seen only because a missing directory's parent is watched.
        return all(d.exists() for d in wanted)


class Watcher:
    """Watches directories and files; `update()` swaps them when the catalog's imports move."""

    def __init__(
        self, on_change: Callable[[set[str]], None], ignore: tuple[Path, ...] = ()
    ) -> None:
        self.on_change = on_change
        self.dirs: frozenset[Path] = frozenset()
        self._watching: dict[Path, tuple[int, int] | None] = {}
        self._rearming: asyncio.Task[None] | None = None
        self._closed = False
        self.filter = _CatalogFilter(ignore, lambda: self.dirs)
        self._task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()

    async def update(self, dirs: set[Path]) -> None:
        """Watch `dirs` from now on; the old watcher stops only once the new one is set up.

        A directory that does not exist (deleted, say, while a branch is switched) is waited
        for by watching its nearest existing parent, so its return is seen.
        """
        if self._closed:
            return
        wanted = frozenset(dirs)
        existing = {d if d.exists() else _nearest_existing(d) for d in wanted}
        identity = {d: _identity(d) for d in existing}
        if wanted == self.dirs and identity == self._watching and self._task is not None:
            return
        # A directory deleted and made again is a new one: its old watch saw nothing since.
        returned = {str(d) for d, i in identity.items() if self._watching.get(d, i) != i}
        self.dirs, self._watching = wanted, identity
        old_task, old_stop = self._task, self._stop
        self._stop = asyncio.Event()
        self._task = asyncio.get_running_loop().create_task(
            self._watch(frozenset(existing), self._stop)
        )
        # awatch adds its inotify watches synchronously on its first step: one turn of the
        # loop, and from here on no change is missed.
        await asyncio.sleep(0)
        if old_task is not None:
            old_stop.set()
            old_task.cancel()
        log.info("watching %s", ", ".join(sorted(str(d) for d in existing)))
        if returned:
            self.on_change(returned)

    async def _watch(self, dirs: frozenset[Path], stop: asyncio.Event) -> None:
        async for changes in awatch(
            *dirs,
            watch_filter=self.filter,
            debounce=DEBOUNCE_MS,
            step=STEP_MS,
            stop_event=stop,
            recursive=True,
            rust_timeout=CHECK_MS,
            yield_on_timeout=True,  # an empty batch every CHECK_MS while idle
        ):
            if changes:
                self.on_change({str(Path(path)) for _, path in changes})
            if stop.is_set() or (self._rearming is not None and not self._rearming.done()):
                continue
            drifted = any(_identity(d) != self._watching.get(d) for d in dirs)
            if drifted or any(d.exists() and d not in self._watching for d in self.dirs):
                # A watched directory itself went or was made anew (a branch switch): its
                # watch is dead. Watch its parent until it returns, or the new one.
                self._rearming = asyncio.get_running_loop().create_task(self.update(set(self.dirs)))

    async def stop(self) -> None:
        self._closed = True
        if self._rearming is not None:
            self._rearming.cancel()
        self._stop.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task


def _nearest_existing(path: Path) -> Path:
    for parent in path.parents:
        if parent.exists():
            return parent
    return Path("/")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino
