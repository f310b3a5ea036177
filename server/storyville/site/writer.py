"""Write a site to disk: only files whose bytes changed, each replaced atomically.

An existing site is rewritten only after everything rendered, and each changed file is
swapped in with `os.replace`, so a reader sees either the old or the new bytes, never a
half-written file and never a 404 for a page that exists in both builds. A new site is
written into a sibling directory while its pages are still being rendered, then renamed
into place: nobody can be reading it yet, so its files need no swap each, and a build or
write that fails half-way leaves nothing behind. A manifest records what storyville
wrote; a directory without one is never written into, so a mistyped path loses no data.
The one exception is a site Storyville 0.1 wrote, known by its shape: it is replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from json.encoder import encode_basestring_ascii
from pathlib import Path

MANIFEST = ".storyville-site.json"
_PARALLEL_FROM = 32  # changed files; fewer are written one after the other
_WRITERS = 4
_BATCH = 64  # files a writer thread takes at once
# Windows has no O_CLOEXEC and, without O_BINARY, would translate line endings.
_CREATE = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)


class OutputError(Exception):
    """The output directory cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class WriteReport:
    pages: int  # HTML pages in the site (assets not counted)
    changed: tuple[str, ...]  # files whose bytes changed or that are new, assets included


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).chmod(0o644)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _plain_write(path: str, data: bytes) -> None:
    fd = os.open(path, _CREATE, 0o666)
    try:
        while data:  # a short write is rare, but possible
            data = data[os.write(fd, data) :]
    finally:
        os.close(fd)


def _plain_writes(batch: list[tuple[str, bytes]]) -> None:
    for path, data in batch:
        _plain_write(path, data)


def _write_changed(root: Path, files: Mapping[str, bytes], names: tuple[str, ...]) -> None:
    for directory in sorted({(root / name).parent for name in names}):
        directory.mkdir(parents=True, exist_ok=True)
    if len(names) > _PARALLEL_FROM:
        # Creating files is latency-bound (journal, virtual disks): overlap it.
        with ThreadPoolExecutor(_WRITERS, thread_name_prefix="storyville-write") as pool:
            list(pool.map(lambda name: _atomic_write(root / name, files[name]), names))
    else:
        for name in names:
            _atomic_write(root / name, files[name])


@dataclass(frozen=True, slots=True)
class _NewSite:
    files: dict[str, bytes]
    digests: dict[str, str]
    renamed: bool  # False: an empty `root` could not be replaced (a mount point, say)


def _write_new_site(root: Path, files: Iterable[tuple[str, bytes]]) -> _NewSite:
    """Write into a sibling directory as files arrive, then rename it to `root`."""
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=root.parent, prefix=f".{root.name}.", suffix=".new"))
    written: dict[str, bytes] = {}
    try:
        staging.chmod(0o755)
        top = str(staging)
        made = {top}
        # Rendering holds the GIL and writing mostly waits on the kernel: overlap the two.
        # Files go to the threads in batches: a task a file cost more than the file on tmpfs.
        with ThreadPoolExecutor(_WRITERS, thread_name_prefix="storyville-write") as pool:
            pending: list[Future[None]] = []
            batch: list[tuple[str, bytes]] = []
            for name, data in files:
                path = f"{top}/{name}"
                parent = path.rpartition("/")[0]
                if parent not in made:
                    os.makedirs(parent, exist_ok=True)  # noqa: PTH103 - hot: no Path per file
                    made.add(parent)
                written[name] = data
                batch.append((path, data))
                if len(batch) == _BATCH:
                    pending.append(pool.submit(_plain_writes, batch))
                    batch = []
            digests = {name: _digest(data) for name, data in written.items()}
            batch.append((f"{top}/{MANIFEST}", _manifest(digests)))
            pending.append(pool.submit(_plain_writes, batch))
            for done in pending:
                done.result()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        staging.replace(root)  # an empty directory in the way is replaced too
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        if not root.is_dir():
            raise
        return _NewSite(written, digests, renamed=False)
    return _NewSite(written, digests, renamed=True)


_LEGACY_TOP = frozenset({"index.html", "about.html", "debug.html"})
_LEGACY_PAGES = frozenset({"index.html", "themed_story.html"})


def legacy_site_files(root: Path) -> list[str] | None:
    """The files of a site Storyville 0.1 wrote into `root`, or None when it is not one.

    0.1 wrote `index.html`, `about.html` and `debug.html` at the top, its assets under
    `static/`, and below that only `index.html` (and `themed_story.html`) pages in section,
    subject and `story-N` directories. Anything else means the directory holds other files.
    """
    top = {p.name for p in root.iterdir() if not p.is_dir()}
    if top != _LEGACY_TOP:
        return None
    files = []
    for path in root.rglob("*"):
        if path.is_dir():
            continue
        relative = path.relative_to(root)
        in_assets = relative.parts[0] == "static" and len(relative.parts) > 1
        if not (in_assets or relative.name in _LEGACY_PAGES or str(relative) in _LEGACY_TOP):
            return None
        if path.is_file() and not path.is_symlink():
            files.append(relative.as_posix())
    return files


def _by_directory(names: Iterable[str]) -> dict[str, list[str]]:
    """Site files grouped by their directory ("" for the top)."""
    grouped: dict[str, list[str]] = {}
    for name in names:
        grouped.setdefault(name.rpartition("/")[0], []).append(name)
    return grouped


def _output_error(root: Path, exc: OSError) -> OutputError:
    reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror or exc
    return OutputError(f"cannot write to {root}: {reason}")


def _manifest(digests: dict[str, str]) -> bytes:
    return json.dumps({"files": digests}).encode()


def _entry(name: str, digest: str) -> str:
    """One file's line of the manifest's JSON, as `_manifest` writes it."""
    return f"{encode_basestring_ascii(name)}: {encode_basestring_ascii(digest)}"


class SiteWriter:
    def __init__(self, root: Path, *, private: bool = False) -> None:
        """`private`: `root` is storyville's own temporary site that nobody else writes to,
        so a write does not look for files deleted from it by hand (a stat a directory, a
        thousand at 3,000 stories)."""
        self.root = root
        self.private = private
        self._known: dict[str, str] | None = None
        # `_known` as the manifest's JSON entries, kept up to date by `write_changes` once
        # it needs them: a save then joins strings instead of encoding the whole manifest.
        self._entries: dict[str, str] | None = None
        self._hashed: Mapping[str, bytes] = {}  # the files behind `_known`'s digests
        self._mtimes: dict[str, int] = {}  # site directory -> its mtime after our last write
        self._page_count = 0  # HTML pages in the site after the last write

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
        if (legacy := legacy_site_files(self.root)) is not None:
            return dict.fromkeys(legacy, "")  # unknown digests: all rewritten or removed
        if any(self.root.iterdir()):
            raise OutputError(
                f"{self.root} is not empty and was not written by storyville; "
                "choose an empty or new directory"
            )
        return {}

    def write(self, stream: Iterable[tuple[str, bytes]]) -> WriteReport:
        """Write a site's (name, bytes); a new site is written while the rest is rendered."""
        try:
            if self._known is None and self._is_new():
                new = _write_new_site(self.root, stream)
                site, digests = new.files, new.digests
                if new.renamed:
                    self._known, self._entries = digests, None
                    self._hashed = {} if self.private else site  # see `write_changes`
                    self._note_directories(_by_directory(digests), site)
                    self._page_count = self._pages(site)
                    return WriteReport(self._page_count, tuple(sorted(site)))
            else:
                site = dict(stream)
                digests = {name: self._digest(name, data) for name, data in site.items()}
            known = self._known if self._known is not None else self._load_manifest()
            trusted = self.private and self._known is not None
            # Grouped once: both passes below use it.
            directories = {} if trusted else _by_directory(digests)
            missing = set() if trusted else self._missing(directories)
            changed = tuple(
                sorted(
                    name
                    for name, digest in digests.items()
                    if known.get(name) != digest or name in missing
                )
            )
            self.root.mkdir(parents=True, exist_ok=True)
            _write_changed(self.root, site, changed)
            removed = tuple(sorted(set(known) - set(digests)))
            for name in removed:
                (self.root / name).unlink(missing_ok=True)
                self._prune(Path(name).parent)
            if changed or removed or self._known is None:
                _atomic_write(self.root / MANIFEST, _manifest(digests))
        except OSError as exc:
            raise _output_error(self.root, exc) from exc
        self._known, self._entries = digests, None
        self._hashed = {} if self.private else site
        if not trusted:
            self._note_directories(directories, changed)
        self._page_count = self._pages(site)
        return WriteReport(self._page_count, changed)

    def write_changes(
        self, files: Mapping[str, bytes], fresh: Iterable[str], gone: Iterable[str]
    ) -> WriteReport:
        """As `write(files.items())`, told which names hold new bytes (`fresh`) and which
        went since the last write (`gone`, as `SiteRenderer` says): on storyville's own
        site, after its first write, only those are hashed and compared, so a save costs
        what it changed rather than a look at every file of the site. There `files` need
        hold only the fresh names' bytes, and none is kept once written."""
        known = self._known
        if not (self.private and known is not None):
            return self.write(files.items())
        digests = {name: _digest(files[name]) for name in fresh}
        changed = tuple(sorted(n for n, d in digests.items() if known.get(n) != d))
        removed = tuple(sorted(n for n in gone if n in known and n not in files))
        pages = (
            self._page_count
            + sum(1 for n in changed if n not in known and n.endswith(".html"))
            - sum(1 for n in removed if n.endswith(".html"))
        )
        try:
            _write_changed(self.root, files, changed)
            for name in removed:
                (self.root / name).unlink(missing_ok=True)
                self._prune(Path(name).parent)
            if changed or removed:
                entries = self._entries
                if entries is None:
                    entries = self._entries = {n: _entry(n, d) for n, d in known.items()}
                for name in removed:
                    del known[name], entries[name]
                known.update(digests)
                entries.update((n, _entry(n, digests[n])) for n in changed)
                body = ", ".join(entries.values())
                _atomic_write(self.root / MANIFEST, f'{{"files": {{{body}}}}}'.encode())
        except OSError as exc:
            self._known = self._entries = None  # unsure what is on disk: compare everything
            raise _output_error(self.root, exc) from exc
        self._page_count = pages
        return WriteReport(pages, changed)

    def _missing(self, directories: dict[str, list[str]]) -> set[str]:
        """Files deleted from the site by hand since the last write. A directory's mtime
        moves when an entry goes, so only directories whose mtime moved are looked into:
        a directory a stat, not a file a stat (4,100 files in 1,100 directories at 3,000
        stories)."""
        root = str(self.root)
        missing: set[str] = set()
        for directory, files in directories.items():
            try:
                mtime = os.stat(f"{root}/{directory}").st_mtime_ns  # noqa: PTH116 - hot: no Path per file
            except OSError:
                missing.update(files)
                continue
            if self._mtimes.get(directory) != mtime:
                missing.update(f for f in files if not os.path.isfile(f"{root}/{f}"))  # noqa: PTH113
        return missing

    def _note_directories(self, directories: dict[str, list[str]], changed: Iterable[str]) -> None:
        """Remember the mtimes of the directories this write looked into or wrote to."""
        root = str(self.root)
        touched = set(_by_directory(changed)) | {""}
        touched |= {d for d in directories if d not in self._mtimes}
        mtimes = {d: m for d, m in self._mtimes.items() if d in directories}
        for directory in touched:
            try:
                mtimes[directory] = os.stat(f"{root}/{directory}").st_mtime_ns  # noqa: PTH116
            except OSError:
                mtimes.pop(directory, None)
        self._mtimes = mtimes

    def _digest(self, name: str, data: bytes) -> str:
        """The renderer hands back the very same bytes for a page it did not re-render:
        those keep their digest, so a save hashes what it changed, not the site."""
        if self._hashed.get(name) is data and self._known is not None and name in self._known:
            return self._known[name]
        return _digest(data)

    @staticmethod
    def _pages(files: Mapping[str, bytes]) -> int:
        return sum(1 for name in files if name.endswith(".html"))

    def _is_new(self) -> bool:
        """No site yet: the directory is missing or empty (a symlink is written through)."""
        if self.root.is_symlink():
            return False
        if not self.root.exists():
            return True
        return self.root.is_dir() and not any(self.root.iterdir())

    def _prune(self, relative: Path) -> None:
        while relative != Path():
            directory = self.root / relative
            try:
                directory.rmdir()
            except OSError:
                return
            relative = relative.parent
