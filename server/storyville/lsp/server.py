"""`storyville lsp`: the server core, which wires the features together.

A save drives everything: build on save, diagnostics on the right range, reload, progress.
Each capability lives in its own module (workspace, tracked, watching, publish, progress,
preview, commands); this one owns the lifecycle requests and the stdio set-up. The byte
stream itself is `transport.py` (framing in `framing.py`), the lifecycle rules `rpc.py`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import socket
import sys
from pathlib import Path

from lsprotocol import types
from pygls.uris import to_fs_path

from storyville.catalog.files import UserFiles
from storyville.lsp.base import StoryvilleServer
from storyville.lsp.commands import register_commands
from storyville.lsp.options import parse_options
from storyville.lsp.settings import register_settings
from storyville.lsp.source_features import register_source_features
from storyville.lsp.tracked import TrackedCatalog
from storyville.lsp.transport import serve
from storyville.lsp.typing_syntax import TypingSyntax
from storyville.lsp.workspace import NoCatalog, locate_catalog

log = logging.getLogger("storyville.lsp")


class CatalogServer(StoryvilleServer):
    """The server with the catalog it follows, once `initialized` has found it."""

    def __init__(self) -> None:
        super().__init__()
        self.tracked: TrackedCatalog | None = None
        self.starting: asyncio.Task[None] | None = None  # `initialized`, starting the catalog
        self.closing: asyncio.Task[None] | None = None
        self.typing = TypingSyntax(self, self._user_files)

    def _user_files(self, path: str) -> UserFiles | None:
        """The catalog's user files, when the catalog uses `path`."""
        tracked = self.tracked
        return tracked.user if tracked is not None and tracked.concerns({path}) else None

    async def close(self) -> None:
        """Stop the catalog once, whoever asks first (`shutdown`, `exit`, end of input)."""
        if self.closing is None:
            self.closing = asyncio.get_running_loop().create_task(self._close())
        await asyncio.shield(self.closing)

    async def _close(self) -> None:
        tracked, self.tracked = self.tracked, None
        if tracked is None:
            return
        if self.starting is not None and not self.starting.done():
            self.starting.cancel()  # a half-started catalog is stopped like a started one
            with contextlib.suppress(asyncio.CancelledError):
                await self.starting
        try:
            await tracked.stop()
        finally:  # also when stopping was cut short: the site directory never stays behind
            shutil.rmtree(tracked.site, ignore_errors=True)


def create_server() -> CatalogServer:
    server = CatalogServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: CatalogServer, params: types.InitializeParams) -> None:
        ls.options, problems = parse_options(params.initialization_options)
        for problem in problems:
            ls.log(problem, types.MessageType.Warning)
        folders = [to_fs_path(f.uri) for f in params.workspace_folders or []]
        if not folders and params.root_uri:
            folders = [to_fs_path(params.root_uri)]
        ls.folders = [Path(f).resolve() for f in folders if f]

    @server.feature(types.INITIALIZED)
    async def initialized(ls: CatalogServer, params: types.InitializedParams) -> None:
        if ls.tracked is not None or ls.closing is not None:
            return
        ls.starting = asyncio.current_task()
        try:
            located = locate_catalog(ls.folders or [Path.cwd()], ls.options.package)
        except NoCatalog as exc:
            kind = types.MessageType.Error if exc.error else types.MessageType.Warning
            ls.say(f"storyville: {exc}", kind)
            return
        if located.note:
            ls.log(located.note)
        package, search_path = located.package, located.search_path
        roots = tuple(dict.fromkeys([*search_path, *(str(f) for f in ls.folders)]))
        ls.log(f"catalog {package} (from {search_path[0]})")
        ls.tracked = TrackedCatalog(ls, ls.options, package, search_path, roots)
        try:
            await ls.tracked.start()
        except asyncio.CancelledError:  # `close()` cut the start short and stops the catalog
            log.info("starting the catalog was cut short")

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: CatalogServer, params: types.DidSaveTextDocumentParams) -> None:
        if not (path := to_fs_path(params.text_document.uri)):
            return
        ls.typing.forget(params.text_document.uri)  # the save's own check takes over
        path = str(Path(path).resolve())
        if ls.tracked is not None:
            ls.tracked.saved(path)
        for listener in ls.on_files_changed:
            listener({path})

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: CatalogServer, params: types.DidChangeWatchedFilesParams) -> None:
        if ls.tracked is None:
            return
        paths = {str(Path(p).resolve()) for c in params.changes if (p := to_fs_path(c.uri))}
        ls.tracked.changed(paths)

    @server.feature(types.SHUTDOWN)
    async def shutdown(ls: CatalogServer, params: None) -> None:
        await ls.close()

    register_commands(server, lambda: server.tracked)
    register_settings(server, lambda: server.tracked, lambda: server.starting)
    register_source_features(
        server,
        lambda: server.tracked and server.tracked.session.package_dir,
        lambda: server.tracked.session.page_reports() if server.tracked else (),
        lambda: server.tracked.preview.url if server.tracked and server.tracked.preview else None,
    )
    return server


def run(tcp: str | None = None) -> int:
    """Serve one client on stdio (or on one TCP connection); the exit status LSP specifies."""
    logging.basicConfig(
        level=os.environ.get("STORYVILLE_LOG", "WARNING").upper(),
        format="%(asctime)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    server = create_server()
    if tcp:
        host, _, port = tcp.rpartition(":")
        with socket.create_server((host or "127.0.0.1", int(port))) as listener:
            log.warning("storyville lsp: waiting for a client on %s", tcp)
            connection, _ = listener.accept()
        with connection:
            return serve(server, connection.fileno(), connection.fileno())
    # The protocol gets private copies of stdin/stdout; fd 0 becomes /dev/null and fd 1 goes
    # to stderr, so nothing a catalog (or a C extension) reads or prints can corrupt it.
    protocol_in, protocol_out = os.dup(0), os.dup(1)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    sys.stdin = Path(os.devnull).open(encoding="utf-8")  # noqa: SIM115 - lives with the process
    sys.stdout = sys.stderr
    return serve(server, protocol_in, protocol_out)
