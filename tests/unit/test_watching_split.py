"""Which of the catalog's directories the client watches and which the server watches itself.

A client watches only inside its workspace folders (eglot: the directories of its project's
files), so a directory outside all of them is storyville's to watch; each directory is
watched by one side only, so a change never builds twice.
"""

from __future__ import annotations

import types as pytypes
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from storyville.lsp import watching
from storyville.lsp.watching import FileWatching, client_covers

PACKAGE = Path("/w/examples/minimal")
SUBJECT = PACKAGE / "components/greeting"
SHARED = Path("/w/shared")


@pytest.mark.parametrize(
    ("folders", "covered"),
    [
        ([Path("/w")], {PACKAGE, SUBJECT, SHARED}),  # the workspace holds everything
        ([PACKAGE], {PACKAGE, SUBJECT}),  # a package the catalog imports lies beside it
        ([SUBJECT], {SUBJECT}),  # eglot rooted on the file's directory, no .git above
        ([SUBJECT, SHARED], {SUBJECT, SHARED}),  # several folders
        ([], set()),  # no folder at all: the client cannot be relied on
        ([Path("/w/examples/minimal-other")], set()),  # a sibling sharing a name prefix
    ],
)
def test_the_client_covers_the_directories_inside_its_folders(
    folders: list[Path], covered: set[Path]
) -> None:
    assert client_covers({PACKAGE, SUBJECT, SHARED}, folders) == covered


class FakeWatcher:
    def __init__(self, on_change: Any, ignore: tuple[Path, ...] = ()) -> None:
        self.dirs: frozenset[Path] = frozenset()
        self.stopped = False

    async def update(self, dirs: set[Path]) -> None:
        self.dirs = frozenset(dirs)

    async def stop(self) -> None:
        self.stopped = True


class FakeServer:
    def __init__(self, folders: list[Path], *, dynamic: bool = True, refuse: bool = False):
        self.folders = folders
        self.refuse = refuse
        self.client_capabilities = types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                    dynamic_registration=dynamic
                )
            )
        )
        self.registered: list[set[str]] = []
        self.unregistered = 0
        self.logged: list[str] = []

    async def client_register_capability_async(self, params: types.RegistrationParams) -> None:
        if self.refuse:
            raise RuntimeError("no")
        [registration] = params.registrations
        options = registration.register_options
        assert isinstance(options, types.DidChangeWatchedFilesRegistrationOptions)
        self.registered.append({str(w.glob_pattern) for w in options.watchers})

    async def client_unregister_capability_async(self, params: Any) -> None:
        self.unregistered += 1

    def log(self, message: str, *_: Any) -> None:
        self.logged.append(message)


@pytest.fixture(autouse=True)
def fake_watcher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(watching, "Watcher", FakeWatcher)


def globs(server: FakeServer) -> list[set[Path]]:
    """The registered directories (the paths above exist nowhere: file globs, not `/**/*`)."""
    return [{Path(g.removesuffix("/**/*")) for g in r} for r in server.registered]


def watching_for(server: FakeServer) -> FileWatching:
    return FileWatching(server, lambda _: None, Path("/tmp/site"))  # type: ignore[arg-type]


async def test_directories_outside_the_folders_are_watched_by_the_server_only() -> None:
    server = FakeServer([SUBJECT])
    files = watching_for(server)
    await files.update({PACKAGE, SUBJECT})
    assert globs(server) == [{SUBJECT}]
    assert isinstance(files.watcher, FakeWatcher)
    assert files.watcher.dirs == {PACKAGE}
    assert any(str(PACKAGE) in m and "itself" in m for m in server.logged)


async def test_a_workspace_holding_everything_leaves_watching_to_the_client() -> None:
    server = FakeServer([Path("/w")])
    files = watching_for(server)
    await files.update({PACKAGE, SHARED})
    assert globs(server) == [{PACKAGE, SHARED}]
    assert files.watcher is None


async def test_when_the_split_moves_each_side_follows() -> None:
    server = FakeServer([PACKAGE])
    files = watching_for(server)
    await files.update({PACKAGE})
    assert files.watcher is None
    await files.update({PACKAGE, SHARED})  # the catalog now imports a package beside it
    assert isinstance(files.watcher, FakeWatcher)
    assert files.watcher.dirs == {SHARED}
    assert globs(server) == [{PACKAGE}]  # unchanged: not registered again
    watcher = files.watcher
    await files.update({PACKAGE})  # and no longer does
    assert watcher.stopped and files.watcher is None


async def test_nothing_covered_means_no_registration() -> None:
    server = FakeServer([SUBJECT])
    files = watching_for(server)
    await files.update({SHARED})
    assert server.registered == []
    assert isinstance(files.watcher, FakeWatcher)
    assert files.watcher.dirs == {SHARED}


async def test_a_client_that_cannot_watch_or_refuses_gets_the_server_watching_everything() -> None:
    for server in (FakeServer([Path("/w")], dynamic=False), FakeServer([Path("/w")], refuse=True)):
        files = watching_for(server)
        await files.update({PACKAGE, SHARED})
        assert server.registered == []
        assert isinstance(files.watcher, FakeWatcher)
        assert files.watcher.dirs == {PACKAGE, SHARED}


async def test_an_open_documents_file_written_is_a_save_as_soon_as_it_is_written() -> None:
    """Inside the client's folders storyville's watcher reports only saves: a file open in
    the editor, written (its didSave comes later); other files there are the client's."""
    server = FakeServer([PACKAGE])
    opened = PACKAGE / "components/greeting/stories.py"
    server.workspace = pytypes.SimpleNamespace(text_documents={opened.as_uri(): object()})  # type: ignore[attr-defined]
    changed: list[set[str]] = []
    saved: list[str] = []
    files = FileWatching(server, changed.append, Path("/tmp/site"), on_saved=saved.append)  # type: ignore[arg-type]
    await files.update({PACKAGE, SHARED})
    assert globs(server) == [{PACKAGE}]
    assert isinstance(files.watcher, FakeWatcher)
    assert files.watcher.dirs == {PACKAGE, SHARED}  # SHARED is its own; PACKAGE for saves
    other = PACKAGE / "components/greeting/greeting.py"
    outside = SHARED / "util.py"
    files._seen({str(opened), str(other), str(outside)})
    assert saved == [str(opened)]
    assert changed == [{str(outside)}]
