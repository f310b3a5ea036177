"""Write a site to disk: only files whose bytes changed, each replaced atomically.

Everything is rendered before the first write, and each file is swapped in with
`os.replace`, so a reader sees either the old or the new bytes, never a half-written file
and never a 404 for a page that exists in both builds. A manifest records what storyville
wrote; a directory without one is never written into, so a mistyped path loses no data.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".storyville-site.json"
_PARALLEL_FROM = 32  # changed files; fewer are written one after the other
_WRITERS = 4


class OutputError(Exception):
    """The output directory cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class WriteReport:
    written: int  # HTML pages in the site (assets not counted)
    changed: tuple[str, ...]
    removed: tuple[str, ...]


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).chmod(0o644)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class SiteWriter:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._known: dict[str, str] | None = None

    def _load_manifest(self) -> dict[str, str]:
        if not self.root.exists():
            return {}
        if not self.root.is_dir():
            raise OutputError(f"{self.root} exists and is not a directory")
        manifest = self.root / MANIFEST
        if manifest.is_file():
            try:
                data = json.loads(manifest.read_text())
                return {str(k): str(v) for k, v in data.get("files", {}).items()}
            except ValueError, AttributeError:
                return {}
        if any(self.root.iterdir()):
            raise OutputError(
                f"{self.root} is not empty and was not written by storyville; "
                "choose an empty or new directory"
            )
        return {}

    def write(self, files: dict[str, bytes]) -> WriteReport:
        try:
            known = self._known if self._known is not None else self._load_manifest()
            digests = {name: _digest(data) for name, data in files.items()}
            changed = tuple(
                sorted(
                    name
                    for name, digest in digests.items()
                    if known.get(name) != digest or not (self.root / name).is_file()
                )
            )
            self.root.mkdir(parents=True, exist_ok=True)
            if len(changed) > _PARALLEL_FROM:
                # Creating files is latency-bound (journal, virtual disks): overlap it.
                with ThreadPoolExecutor(_WRITERS, thread_name_prefix="storyville-write") as pool:
                    list(
                        pool.map(lambda name: _atomic_write(self.root / name, files[name]), changed)
                    )
            else:
                for name in changed:
                    _atomic_write(self.root / name, files[name])
            removed = tuple(sorted(set(known) - set(digests)))
            for name in removed:
                (self.root / name).unlink(missing_ok=True)
                self._prune(Path(name).parent)
            if changed or removed or self._known is None:
                _atomic_write(self.root / MANIFEST, json.dumps({"files": digests}).encode())
        except PermissionError as exc:
            raise OutputError(f"cannot write to {self.root}: permission denied") from exc
        except OSError as exc:
            raise OutputError(f"cannot write to {self.root}: {exc.strerror or exc}") from exc
        self._known = digests
        return WriteReport(sum(1 for name in files if name.endswith(".html")), changed, removed)

    def _prune(self, relative: Path) -> None:
        while relative != Path():
            directory = self.root / relative
            try:
                directory.rmdir()
            except OSError:
                return
            relative = relative.parent
