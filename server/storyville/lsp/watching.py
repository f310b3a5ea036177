"""Changes made outside the editor: the client's file watching, else watchfiles.

The editor's saves drive builds; `workspace/didChangeWatchedFiles` (registered dynamically
for the directories the catalog uses) brings the rest. Clients watch only inside their
workspace folders (eglot watches the directories of its project's files), so a directory
outside every folder, e.g. the catalog's package above the file eglot rooted on, is
watched by storyville's own watcher; so is everything for clients that cannot watch, or
refuse to. Each change is reported by one side only: no change builds twice.

storyville's watcher also watches the client's directories, for one thing only: a file
open in the editor, written, is the editor saving it. It is handed on as a save as soon as
it is written, where the editor's `didSave` comes later (25–75 ms in code-server, whose save
travels through the workbench and the extension host); `ContentGate` lets the later
`didSave` find that content already acted on. Other files there are the client's to report.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path

from storyville.devloop.watch import Watcher
from storyville.lsp.base import StoryvilleServer

_REGISTRATION = "storyville-watched-files"


class FileWatching:
    """Keeps the watched directories in step with what the last build imported."""

    def __init__(
        self,
        server: StoryvilleServer,
        on_change: Callable[[set[str]], None],
        site: Path,
        on_saved: Callable[[str], None] | None = None,
    ) -> None:
        """`on_saved`: an open document's file, written (seen by storyville's watcher)."""
        self.server = server
        self.on_change = on_change
        self.on_saved = on_saved
        self.site = site
        self.watcher: Watcher | None = None
        self.outside: frozenset[Path] = frozenset()  # the directories only storyville watches
        self.registered: frozenset[Path] = frozenset()
        self.can_register = True  # until the client refuses dynamic registration

    def _capabilities(self) -> types.DidChangeWatchedFilesClientCapabilities | None:
        workspace = self.server.client_capabilities.workspace
        return workspace.did_change_watched_files if workspace else None

    def _client_watches(self) -> bool:
        watched = self._capabilities()
        return self.can_register and bool(watched and watched.dynamic_registration)

    async def update(self, directories: Iterable[Path]) -> None:
        """Watch exactly `directories` from now on."""
        dirs = frozenset(directories)
        by_client = client_covers(dirs, self.server.folders) if self._client_watches() else set()
        await self._register(frozenset(by_client))
        await self._watch_ourselves(dirs - self.registered, dirs if self.on_saved else frozenset())

    async def _register(self, dirs: frozenset[Path]) -> None:
        if dirs == self.registered:
            return
        try:
            if self.registered:
                await self.server.client_unregister_capability_async(
                    types.UnregistrationParams(
                        unregisterations=[
                            types.Unregistration(
                                id=_REGISTRATION, method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES
                            )
                        ]
                    )
                )
                self.registered = frozenset()
            if dirs:
                await self.server.client_register_capability_async(self._registration(dirs))
                self.registered = dirs
        except Exception as exc:  # noqa: BLE001 - fall back to watching ourselves
            self.server.log(f"the client refused file watching ({exc}); using watchfiles")
            self.can_register = False
            self.registered = frozenset()

    async def _watch_ourselves(self, dirs: frozenset[Path], for_saves: frozenset[Path]) -> None:
        """`dirs` are storyville's to report; `for_saves`, watched for open documents' saves."""
        previous = self.outside
        self.outside = dirs
        if self._client_watches() and dirs and dirs != previous:
            self.server.log(
                "outside the client's workspace folders, storyville watches "
                + ", ".join(str(d) for d in sorted(dirs))
                + " itself"
            )
        watched = dirs | for_saves
        if not watched:
            if self.watcher is not None:
                await self.watcher.stop()
                self.watcher = None
            return
        if self.watcher is None:
            self.watcher = Watcher(self._seen, ignore=(self.site,))
        await self.watcher.update(set(watched))

    def _seen(self, paths: set[str]) -> None:
        """What storyville's watcher saw: its own directories' changes, and saves."""
        ours = {p for p in paths if any(_inside(p, d) for d in self.outside)}
        if ours:
            self.on_change(ours)
        if self.on_saved is not None:
            for path in sorted(paths - ours):
                if self._is_open(path):
                    self.on_saved(path)

    def _is_open(self, path: str) -> bool:
        uri = from_fs_path(path)
        return uri is not None and uri in self.server.workspace.text_documents

    def _registration(self, dirs: frozenset[Path]) -> types.RegistrationParams:
        watched = self._capabilities()
        relative = bool(watched and watched.relative_pattern_support)
        watchers = [
            types.FileSystemWatcher(
                glob_pattern=types.RelativePattern(
                    base_uri=from_fs_path(str(d)) or "", pattern="**/*"
                )
                if relative and d.is_dir()
                else (f"{d}/**/*" if d.is_dir() else str(d))
            )
            for d in sorted(dirs)
        ]
        return types.RegistrationParams(
            registrations=[
                types.Registration(
                    id=_REGISTRATION,
                    method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(
                        watchers=watchers
                    ),
                )
            ]
        )

    async def stop(self) -> None:
        if self.watcher is not None:
            await self.watcher.stop()


def _inside(path: str, directory: Path) -> bool:
    return Path(path).is_relative_to(directory)


def client_covers(dirs: Iterable[Path], folders: Iterable[Path]) -> set[Path]:
    """The directories inside a workspace folder: the ones a client that watches sees.

    A directory that only contains a folder is not covered: the client sees only part of it.
    """
    roots = tuple(folders)
    return {d for d in dirs if any(d.is_relative_to(f) for f in roots)}


class ContentGate:
    """Acts once per content: a save arrives as both didSave and a watched-file event.

    Content, not mtime: two quick saves can share an mtime.
    """

    def __init__(self) -> None:
        self.acted_on: dict[str, str] = {}  # file -> digest of the content last acted on

    def fresh(self, path: str) -> bool:
        try:
            digest = hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()
        except OSError:
            digest = "missing"
        if self.acted_on.get(path) == digest:
            return False
        self.acted_on[path] = digest
        return True
