"""Import workspace modules from their current source, with a cache keyed by content.

CPython reuses a `.pyc` whose recorded source mtime (whole seconds) and size match, so two
same-size saves within one second can run the old code. Builds import workspace files
through this loader instead: its cache key is a hash of the source bytes, so the code that
runs is always the code on disk, and the user's `__pycache__` is left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import os
import sys
import tempfile
import threading
import time
from importlib.machinery import (
    EXTENSION_SUFFIXES,
    SOURCE_SUFFIXES,
    ExtensionFileLoader,
    FileFinder,
    SourceFileLoader,
)
from pathlib import Path
from typing import Any, ClassVar


class ContentKeyedLoader(SourceFileLoader):
    cache_dir: ClassVar[Path | None] = None

    def get_code(self, fullname: str) -> Any:
        path = self.get_filename(fullname)
        source = self.get_data(path)
        key = hashlib.blake2b(
            importlib.util.MAGIC_NUMBER + path.encode() + b"\0" + source, digest_size=20
        ).hexdigest()
        cached = self.cache_dir / f"{key}.code" if self.cache_dir else None
        if cached is not None:
            try:
                return marshal.loads(cached.read_bytes())
            except OSError, ValueError, EOFError, TypeError:
                pass
        code = self.source_to_code(source, path)
        if cached is not None:
            _store(cached, marshal.dumps(code))
        return code


def _store(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).replace(path)
    except OSError:
        pass  # the cache is an optimisation only


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "storyville" / "bytecode" / sys.implementation.cache_tag


_installed: set[tuple[str, ...]] = set()


def install(roots: tuple[str, ...], cache_dir: Path | None) -> None:
    """Route imports from directories below `roots` through the content-keyed loader."""
    if roots in _installed:
        return
    _installed.add(roots)
    prefixes = tuple(str(Path(r).resolve()) for r in roots)
    ContentKeyedLoader.cache_dir = cache_dir

    def hook(path: str) -> FileFinder:
        resolved = str(Path(path or ".").resolve())
        if not any(resolved == p or resolved.startswith(p + os.sep) for p in prefixes):
            raise ImportError("not a workspace directory")
        if not Path(resolved).is_dir():
            raise ImportError("not a directory")
        return FileFinder(
            path,
            (ExtensionFileLoader, EXTENSION_SUFFIXES),
            (ContentKeyedLoader, SOURCE_SUFFIXES),
        )

    sys.path_hooks.insert(0, hook)
    sys.path_importer_cache.clear()


def prune(cache_dir: Path, *, keep: int = 5000, max_age: float = 30 * 86400) -> int:
    """Bound the cache: drop entries unused for `max_age` seconds, then the oldest beyond `keep`.

    A hit rewrites nothing, so an entry's mtime is when its source was first compiled; an
    old entry of a file still in use costs one compile to come back. Temporary files that an
    interrupted write left behind go after a day. Returns how many entries went.
    """
    now = time.time()
    entries: list[tuple[float, str]] = []
    try:
        with os.scandir(cache_dir) as listing:
            for entry in listing:
                with contextlib.suppress(OSError):  # another session may be pruning too
                    if entry.name.endswith(".code"):
                        entries.append((entry.stat().st_mtime, entry.path))
                    elif entry.name.endswith(".tmp") and now - entry.stat().st_mtime > 86400:
                        Path(entry.path).unlink(missing_ok=True)
    except OSError:
        return 0
    entries.sort()
    fresh = [path for mtime, path in entries if now - mtime <= max_age]
    stale = [path for mtime, path in entries if now - mtime > max_age]
    stale += fresh[: max(len(fresh) - keep, 0)]
    for path in stale:
        Path(path).unlink(missing_ok=True)
    return len(stale)


def prune_in_background(cache_dir: Path) -> threading.Thread:
    """Prune without delaying the first build (tens of ms at the bound)."""
    thread = threading.Thread(target=prune, args=(cache_dir,), name="storyville-prune", daemon=True)
    thread.start()
    return thread
