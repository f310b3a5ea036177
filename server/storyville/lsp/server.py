"""`storyville lsp` (SPEC §7): build on save, diagnostics on the right range, reload, progress.

The editor's saves drive everything: no filesystem polling while a client is attached.
Changes made outside the editor arrive through `workspace/didChangeWatchedFiles` (registered
dynamically for the catalog's directories); only clients that cannot watch get watchfiles.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import shutil
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from storyville import __version__
from storyville.catalog.discovery import (
    CatalogNotFound,
    find_stories_modules,
    import_root,
    package_dir,
)
from storyville.catalog.files import UserFiles
from storyville.collect.locate import locate
from storyville.collect.snapshot import assertion_errors
from storyville.devloop.builders import Builder, make_builder
from storyville.devloop.rebuilder import Rebuilder
from storyville.devloop.session import DevSession, SessionConfig
from storyville.devloop.watch import Watcher
from storyville.lsp.diagnostics import DiagnosticMaker, read_lines
from storyville.lsp.options import Options, parse_options
from storyville.lsp.workspace import find_catalogs
from storyville.preview.server import PortUnavailable, PreviewServer
from storyville.results import BuildError, BuildResult

log = logging.getLogger("storyville.lsp")

PREVIEW = "storyville/preview"
BUILD_FINISHED = "storyville/buildFinished"
REBUILD = "storyville.rebuild"
PREVIEW_URL = "storyville.previewUrl"
_WATCH_REGISTRATION = "storyville-watched-files"


class Catalog:
    """Everything that exists once the catalog is known: session, builds, preview, watching."""

    def __init__(
        self,
        server: StoryvilleServer,
        options: Options,
        package: str,
        search_path: tuple[str, ...],
        roots: tuple[str, ...],
    ) -> None:
        self.server = server
        self.options = options
        self.site = Path(tempfile.mkdtemp(prefix="storyville-lsp-"))
        self.builder: Builder = make_builder(options.use_subinterpreters, options.time_limit)
        config = SessionConfig(package, search_path, roots, self.site, options.with_assertions)
        self.session = DevSession(config, self.builder)
        self.user = UserFiles.for_roots(roots)
        self.rebuilder = Rebuilder(self.session)
        self.preview: PreviewServer | None = None
        self.watcher: Watcher | None = None
        self.registered: frozenset[Path] = frozenset()
        self.requested: dict[str, str] = {}  # file -> digest of the content last acted on
        self.syntax_errors: dict[str, BuildError] = {}  # found on save, before any build
        self.published: set[str] = set()  # uris that have storyville diagnostics
        self.results: list[asyncio.Future[BuildResult]] = []  # waiting `storyville.rebuild`s
        self.progress: str | None = None  # the build's progress token, once begun
        self.creating: str | None = None  # a token the client has not confirmed yet
        self.can_register = True  # until the client refuses dynamic registration

    # --- lifecycle -----------------------------------------------------------------------

    async def start(self) -> None:
        self.builder.start()
        self.session.on_phase = self._report_phase
        self.rebuilder.on_start.append(self._begin_progress)
        self.rebuilder.on_dropped.append(lambda: self._end_progress("superseded by a newer save"))
        self.rebuilder.listeners.append(self._published)
        self.rebuilder.start()
        try:
            self.preview = PreviewServer(self.site, port=self.options.preview_port)
            self.preview.errors = self.session.error_headlines
            await self.preview.start()
        except PortUnavailable as exc:
            self.preview = None
            self.server.say(f"storyville: no preview: {exc}", types.MessageType.Error)
        await self.watch()
        self.rebuilder.request()
        if self.preview is not None:
            await self.announce(self.preview.url)

    async def stop(self) -> None:
        if self.watcher is not None:
            await self.watcher.stop()
        await self.rebuilder.stop()
        if self.preview is not None:
            await self.preview.stop()
        await asyncio.to_thread(self.builder.close)
        shutil.rmtree(self.site, ignore_errors=True)

    async def announce(self, url: str) -> None:
        self.server.protocol.notify(PREVIEW, {"url": url})
        self.server.log(f"preview at {url}")
        capabilities = self.server.client_capabilities.window
        if self.options.show_document and capabilities and capabilities.show_document:
            with contextlib.suppress(Exception):  # a client may refuse; the URL was announced
                await self.server.window_show_document_async(
                    types.ShowDocumentParams(uri=url, external=True, take_focus=False)
                )

    # --- watching --------------------------------------------------------------------------

    def _watch_capabilities(self) -> types.DidChangeWatchedFilesClientCapabilities | None:
        workspace = self.server.client_capabilities.workspace
        return workspace.did_change_watched_files if workspace else None

    def _can_watch(self) -> bool:
        watched = self._watch_capabilities()
        return self.can_register and bool(watched and watched.dynamic_registration)

    async def watch(self) -> None:
        """Follow changes made outside the editor to the directories the catalog uses."""
        dirs = frozenset(self.session.watched_dirs())
        if not self._can_watch():
            if self.watcher is None:
                self.watcher = Watcher(self.changed, ignore=(self.site,))
            await self.watcher.update(set(dirs))
            return
        if dirs == self.registered:
            return
        relative = self._relative_patterns()
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
        try:
            if self.registered:
                await self.server.client_unregister_capability_async(
                    types.UnregistrationParams(
                        unregisterations=[
                            types.Unregistration(
                                id=_WATCH_REGISTRATION,
                                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            )
                        ]
                    )
                )
            await self.server.client_register_capability_async(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id=_WATCH_REGISTRATION,
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                watchers=watchers
                            ),
                        )
                    ]
                )
            )
            self.registered = dirs
        except Exception as exc:  # noqa: BLE001 - fall back to watching ourselves
            self.server.log(f"the client refused file watching ({exc}); using watchfiles")
            self.can_register = False
            await self.watch()

    def _relative_patterns(self) -> bool:
        watched = self._watch_capabilities()
        return bool(watched and watched.relative_pattern_support)

    def concerns(self, paths: set[str]) -> set[str]:
        """The paths inside the directories the catalog uses (computed once per batch)."""
        dirs = self.session.watched_dirs()
        return {p for p in paths if any(Path(p).is_relative_to(d) for d in dirs)}

    def _fresh(self, path: str) -> bool:
        """False when this exact content was already acted on: a save arrives as both didSave
        and a watched-file event. Content, not mtime: two quick saves can share an mtime."""
        try:
            digest = hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()
        except OSError:
            digest = "missing"
        if self.requested.get(path) == digest:
            return False
        self.requested[path] = digest
        return True

    def changed(self, paths: set[str]) -> None:
        """Files changed outside the editor (or reported by watchfiles)."""
        wanted = {p for p in self.concerns(paths) if self._fresh(p)}
        if wanted:
            self.rebuilder.request(wanted)

    def saved(self, path: str) -> None:
        if not self.concerns({path}) or not self._fresh(path):
            return
        if path.endswith(".py") and (error := self.syntax_check(path)) is not None:
            # Published at once; no build: it would fail the same way. The file stays dirty.
            self.syntax_errors[path] = error
            self.session.dirty.add(path)
            self.rebuilder.supersede()
            self.publish_diagnostics(self.session.last_result)
            self.server.protocol.notify(
                BUILD_FINISHED,
                {
                    "ok": False,
                    "mode": "syntax-check",
                    "summary": error.message,
                    "errors": [_error_json(error)],
                    "build": self.session.builds,
                },
            )
            return
        self.syntax_errors.pop(path, None)
        self.rebuilder.request({path})

    def syntax_check(self, path: str) -> BuildError | None:
        try:
            source = Path(path).read_bytes()
            compile(source, path, "exec", flags=0x400, dont_inherit=True)  # PyCF_ONLY_AST
        except SyntaxError as exc:
            return locate(exc, self.user)
        except OSError, ValueError:
            return None
        return None

    # --- results ----------------------------------------------------------------------------

    async def _published(self, result: BuildResult) -> None:
        if result.ok:
            self.syntax_errors.clear()
        self.publish_diagnostics(result)
        if result.ok and result.pages_changed and self.preview is not None:
            await self.preview.hub.reload(result.pages_changed, self.session.builds)
        for line in result.output.splitlines():
            self.server.log(f"| {line}")
        self.server.log(
            result.summary(), types.MessageType.Info if result.ok else types.MessageType.Warning
        )
        for error in result.errors:
            self.server.log(error.headline(), types.MessageType.Warning)
            if error.source is None:
                self.server.say(f"storyville: {error.message}", types.MessageType.Error)
        self.server.protocol.notify(BUILD_FINISHED, _result_json(result, self.session.builds))
        self._end_progress(result.summary())
        for waiting in self.results:
            if not waiting.done():
                waiting.set_result(result)
        self.results.clear()
        await self.watch()

    def publish_diagnostics(self, result: BuildResult | None) -> None:
        errors = list(self.syntax_errors.values())
        if result is not None and not result.ok:
            syntax_files = set(self.syntax_errors)
            errors += [e for e in result.errors if e.file not in syntax_files]
        if self.session.snapshot is not None:
            errors += assertion_errors(self.session.snapshot)
        by_uri = self.server.diagnostic_maker(self.user).by_uri(errors)
        for uri in self.published - set(by_uri):
            self.server.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )
        for uri, diagnostics in by_uri.items():
            self.server.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
            )
        self.published = set(by_uri)

    # --- progress ---------------------------------------------------------------------------

    def _progress_supported(self) -> bool:
        window = self.server.client_capabilities.window
        return bool(window and window.work_done_progress)

    def _begin_progress(self) -> None:
        if not self._progress_supported():
            return
        self._end_progress("superseded")
        token = f"storyville-build-{uuid.uuid4().hex[:8]}"
        self.creating = token

        async def begin() -> None:
            try:
                await self.server.work_done_progress.create_async(token)
            except Exception:  # noqa: BLE001 - the client may refuse progress
                return
            finally:
                created, self.creating = self.creating == token, None
            progress = self.server.work_done_progress
            if created:  # still building: from here on, phases are reported
                progress.begin(
                    token,
                    types.WorkDoneProgressBegin(
                        title="storyville", message="building the catalog", cancellable=False
                    ),
                )
                self.progress = token
            else:  # the build ended before the client answered
                progress.end(token, types.WorkDoneProgressEnd())
                progress.tokens.pop(token, None)

        self.server.spawn(begin())

    def _report_phase(self, message: str) -> None:
        if self.progress is not None:
            self.server.work_done_progress.report(
                self.progress, types.WorkDoneProgressReport(message=message)
            )

    def _end_progress(self, message: str) -> None:
        token, self.progress, self.creating = self.progress, None, None
        if token is not None:
            self.server.work_done_progress.end(token, types.WorkDoneProgressEnd(message=message))
            self.server.work_done_progress.tokens.pop(token, None)


def _error_json(error: BuildError) -> dict[str, Any]:
    return {
        "kind": error.kind.value,
        "message": error.message,
        "file": error.file,
        "line": error.line,
    }


def _result_json(result: BuildResult, build: int) -> dict[str, Any]:
    return {
        "ok": result.ok,
        "build": build,
        "mode": result.mode,
        "summary": result.summary(),
        "durationMs": round(result.timings.get("total", 0.0) * 1000, 1),
        "pagesChanged": len(result.pages_changed),
        "stories": result.stories,
        "assertionsPassed": result.assertions_passed,
        "assertionsFailed": result.assertions_failed,
        "errors": [_error_json(e) for e in result.errors],
    }


class StoryvilleServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("storyville", __version__)
        self.options = Options()
        self.folders: list[Path] = []
        self.catalog: Catalog | None = None
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coroutine: Any) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def log(self, message: str, kind: types.MessageType = types.MessageType.Log) -> None:
        log.info("%s", message)
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def say(self, message: str, kind: types.MessageType = types.MessageType.Warning) -> None:
        log.warning("%s", message)
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def diagnostic_maker(self, user: UserFiles) -> DiagnosticMaker:
        codec = self.workspace.position_codec

        def lines(file: str) -> list[str]:
            uri = from_fs_path(file)
            document = self.workspace.text_documents.get(uri) if uri else None
            return list(document.lines) if document is not None else read_lines(file)

        return DiagnosticMaker(lines, codec.position_to_client_units, user)

    def locate_catalog(self) -> tuple[str, tuple[str, ...]] | None:
        """The package to build and where it imports from: the option, else a search.

        Editors without a project root may open a subdirectory as the workspace, so the
        search also looks above the workspace folders.
        """
        folders = self.folders or [Path.cwd()]
        if self.options.package:
            search = tuple(str(p) for f in folders for p in (f, *f.parents))
            try:
                root = package_dir(self.options.package, search)
                find_stories_modules(self.options.package, root)
            except CatalogNotFound as exc:
                self.say(f"storyville: {exc}", types.MessageType.Error)
                return None
            depth = self.options.package.count(".") + 1
            return self.options.package, (str(root.parents[depth - 1]),)
        found = find_catalogs(folders) or find_catalogs(
            [top for f in folders if (top := _top_package(f)) is not None]
        )
        if not found:
            self.say(
                "storyville: no catalog in this workspace (a package whose stories.py "
                "defines this_catalog()); set the `package` initialization option"
            )
            return None
        if len(found) > 1:
            self.log(
                f"found {len(found)} catalogs ({', '.join(c.package for c in found)}); "
                f"using {found[0].package}: set `package` to choose another"
            )
        return found[0].package, (str(found[0].import_root),)


def _top_package(folder: Path) -> Path | None:
    """The outermost package directory `folder` lies in, if it lies in one."""
    root, package = import_root(folder)
    return root / package.split(".")[0] if package else None


def create_server() -> StoryvilleServer:
    server = StoryvilleServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: StoryvilleServer, params: types.InitializeParams) -> None:
        ls.options, problems = parse_options(params.initialization_options)
        for problem in problems:
            ls.log(problem, types.MessageType.Warning)
        folders = [to_fs_path(f.uri) for f in params.workspace_folders or []]
        if not folders and params.root_uri:
            folders = [to_fs_path(params.root_uri)]
        ls.folders = [Path(f).resolve() for f in folders if f]

    @server.feature(types.INITIALIZED)
    async def initialized(ls: StoryvilleServer, params: types.InitializedParams) -> None:
        located = ls.locate_catalog()
        if located is None:
            return
        package, search_path = located
        roots = tuple(dict.fromkeys([*search_path, *(str(f) for f in ls.folders)]))
        ls.log(f"catalog {package} (from {search_path[0]})")
        ls.catalog = Catalog(ls, ls.options, package, search_path, roots)
        await ls.catalog.start()

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: StoryvilleServer, params: types.DidSaveTextDocumentParams) -> None:
        path = to_fs_path(params.text_document.uri)
        if ls.catalog is not None and path:
            ls.catalog.saved(str(Path(path).resolve()))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: StoryvilleServer, params: types.DidChangeWatchedFilesParams) -> None:
        if ls.catalog is None:
            return
        paths = {str(Path(p).resolve()) for c in params.changes if (p := to_fs_path(c.uri))}
        ls.catalog.changed(paths)

    @server.command(REBUILD)
    async def rebuild(ls: StoryvilleServer, *args: Any) -> dict[str, Any]:
        if ls.catalog is None:
            return {"ok": False, "summary": "no catalog"}
        waiting: asyncio.Future[BuildResult] = asyncio.get_running_loop().create_future()
        ls.catalog.results.append(waiting)
        ls.catalog.rebuilder.request(full=True)
        return _result_json(await waiting, ls.catalog.session.builds)

    @server.command(PREVIEW_URL)
    def preview_url(ls: StoryvilleServer, *args: Any) -> str | None:
        catalog = ls.catalog
        return catalog.preview.url if catalog is not None and catalog.preview else None

    @server.feature(types.SHUTDOWN)
    async def shutdown(ls: StoryvilleServer, params: None) -> None:
        catalog, ls.catalog = ls.catalog, None
        if catalog is not None:
            await catalog.stop()

    return server


def run(tcp: str | None = None) -> int:
    logging.basicConfig(
        level=os.environ.get("STORYVILLE_LOG", "WARNING").upper(),
        format="%(asctime)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    server = create_server()
    if tcp:
        host, _, port = tcp.rpartition(":")
        server.start_tcp(host or "127.0.0.1", int(port))
        return 0
    # The protocol gets private copies of stdin/stdout; fd 0 becomes /dev/null and fd 1 goes
    # to stderr, so nothing a catalog (or a C extension) reads or prints can corrupt it.
    protocol_in = os.fdopen(os.dup(0), "rb")
    protocol_out = os.fdopen(os.dup(1), "wb")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    sys.stdin = Path(os.devnull).open(encoding="utf-8")  # noqa: SIM115 - lives with the process
    sys.stdout = sys.stderr
    server.start_io(protocol_in, protocol_out)
    return 0
