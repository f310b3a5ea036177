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
STEP_MS = 15  # quiet time that ends a burst: editors write a file in a few ms


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
        for directory in self.watched():
            if file.is_relative_to(directory) and file != directory:
                return not ignored(file.relative_to(directory))
        return True


class Watcher:
    """Watches directories and files; `update()` swaps them when the catalog's imports move."""

    def __init__(
        self, on_change: Callable[[set[str]], None], ignore: tuple[Path, ...] = ()
    ) -> None:
        self.on_change = on_change
        self.dirs: frozenset[Path] = frozenset()
        self.filter = _CatalogFilter(ignore, lambda: self.dirs)
        self._task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()

    async def update(self, dirs: set[Path]) -> None:
        """Watch `dirs` from now on; the old watcher stops only once the new one is set up."""
        wanted = frozenset(d for d in dirs if d.exists())
        if wanted == self.dirs and self._task is not None:
            return
        self.dirs = wanted
        old_task, old_stop = self._task, self._stop
        self._stop = asyncio.Event()
        self._task = asyncio.get_running_loop().create_task(self._watch(wanted, self._stop))
        # awatch adds its inotify watches synchronously on its first step: one turn of the
        # loop, and from here on no change is missed.
        await asyncio.sleep(0)
        if old_task is not None:
            old_stop.set()
            old_task.cancel()
        log.info("watching %s", ", ".join(sorted(str(d) for d in wanted)))

    async def _watch(self, dirs: frozenset[Path], stop: asyncio.Event) -> None:
        async for changes in awatch(
            *dirs,
            watch_filter=self.filter,
            debounce=DEBOUNCE_MS,
            step=STEP_MS,
            stop_event=stop,
            recursive=True,
        ):
            self.on_change({str(Path(path)) for _, path in changes})

    async def stop(self) -> None:
        self._stop.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
