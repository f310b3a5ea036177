"""One catalog as the language server follows it: its session, builds, preview and watching."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from lsprotocol import types

from storyville.catalog.files import UserFiles
from storyville.devloop.rebuilder import Rebuilder
from storyville.host.protocol import HostConfig
from storyville.lsp.base import StoryvilleServer
from storyville.lsp.code_lens import refresh_code_lenses
from storyville.lsp.options import Options
from storyville.lsp.preview import announce_preview
from storyville.lsp.progress import BuildProgress
from storyville.lsp.protocol import BUILD_FINISHED, BuildFinished
from storyville.lsp.publish import DiagnosticsPublisher
from storyville.lsp.syntax import syntax_error
from storyville.lsp.watching import ContentGate, FileWatching
from storyville.preview.server import PortUnavailable, PreviewServer
from storyville.results import BuildError, BuildResult
from storyville.supervisor.session import HostSession


class TrackedCatalog:
    """Everything that exists once the catalog is known, started and stopped together."""

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
        self.package = package
        self.site = Path(tempfile.mkdtemp(prefix="storyville-lsp-"))
        config = HostConfig(
            package,
            search_path,
            roots,
            self.site,
            options.with_assertions,
            use_subinterpreters=options.use_subinterpreters,
            time_limit=options.time_limit,
            memory_limit=options.memory_limit,
            private_output=True,
        )
        # What the catalog's code writes to the process's own stdout and stderr goes to
        # the log, never to the protocol stream.
        self.session = HostSession(
            config,
            on_output=lambda line: server.log(f"| {line}"),
            on_notice=lambda text: server.say(f"storyville: {text}"),
        )
        self.user = UserFiles.for_roots(roots)
        self.rebuilder = Rebuilder(self.session)
        self.preview: PreviewServer | None = None
        self.watching = FileWatching(server, self.changed, self.site, on_saved=self.saved)
        self.gate = ContentGate()
        self.diagnostics = DiagnosticsPublisher(server, self.user)
        self.progress = BuildProgress(server)
        self.syntax_errors: dict[str, BuildError] = {}  # found on save, before any build
        self.results: list[asyncio.Future[BuildResult]] = []  # waiting `storyville.rebuild`s

    async def start(self) -> None:
        await self.session.start()
        self.session.on_phase = self.progress.report
        self.rebuilder.on_start.append(self.progress.begin)
        self.rebuilder.on_dropped.append(lambda: self.progress.end("superseded by a newer save"))
        self.rebuilder.listeners.append(self._published)
        self.rebuilder.start()
        try:
            self.preview = PreviewServer(self.site, port=self.options.preview_port)
            self.preview.errors = self.session.error_headlines
            await self.preview.start()
        except PortUnavailable as exc:
            self.preview = None
            self.server.say(f"storyville: no preview: {exc}", types.MessageType.Error)
        await self.watching.update(self.session.watched_dirs())
        self.rebuilder.request()
        if self.preview is not None:
            await announce_preview(
                self.server, self.preview.url, show_document=self.options.show_document
            )

    async def stop(self) -> None:
        await self.watching.stop()
        await self.rebuilder.stop()
        if self.preview is not None:
            await self.preview.stop()
        await self.session.close()
        shutil.rmtree(self.site, ignore_errors=True)

    async def reconfigure(self, options: Options) -> str | None:
        """Options changed while running: limits go to the build host for the next build;
        assertions and the interpreter mode take a new host (warmed now; the next build
        runs in it), assertions a full rebuild. What it cost, for the log."""
        old, self.options = self.options, options
        config = replace(
            self.session.config,
            with_assertions=options.with_assertions,
            use_subinterpreters=options.use_subinterpreters,
            time_limit=options.time_limit,
            memory_limit=options.memory_limit,
        )
        if config == self.session.config:
            return None
        started = time.perf_counter()
        replaced = await self.session.reconfigure(config)
        took = time.perf_counter() - started
        if (old.with_assertions, old.use_subinterpreters) != (
            options.with_assertions,
            options.use_subinterpreters,
        ):
            self.rebuilder.request(full=True)
        if not replaced:
            return "from the next build"
        return f"a new build host in {took * 1000:.0f} ms"

    def rebuild(self) -> asyncio.Future[BuildResult]:
        """A full rebuild, and the future of its result."""
        waiting: asyncio.Future[BuildResult] = asyncio.get_running_loop().create_future()
        self.results.append(waiting)
        self.rebuilder.request(full=True)
        return waiting

    # --- what changed ------------------------------------------------------------------------

    def concerns(self, paths: set[str]) -> set[str]:
        """The paths inside the directories the catalog uses (computed once per batch)."""
        dirs = self.session.watched_dirs()
        return {p for p in paths if any(Path(p).is_relative_to(d) for d in dirs)}

    def changed(self, paths: set[str]) -> None:
        """Files changed outside the editor (or reported by watchfiles)."""
        for listener in self.server.on_files_changed:
            listener(paths)
        wanted = {p for p in self.concerns(paths) if self.gate.fresh(p)}
        if wanted:
            self.rebuilder.request(wanted)

    def saved(self, path: str) -> None:
        """A save: `didSave`, or storyville's watcher seeing an open document written (it
        comes first; the `didSave` after it finds the content acted on)."""
        if not self.concerns({path}):
            return
        if not self.gate.fresh(path):
            if self.session.paused:  # a save ends a pause after repeated crashes
                self.session.resume()
                self.rebuilder.request({path})
            return
        if path.endswith(".py") and (error := syntax_error(path, self.user)) is not None:
            # Published at once; no build: it would fail the same way. The file stays dirty.
            self.syntax_errors[path] = error
            self.session.mark_dirty(path)
            self.rebuilder.supersede()
            self.publish_diagnostics(self.session.last_result)
            self.server.protocol.notify(
                BUILD_FINISHED, BuildFinished.syntax_check(error, self.session.builds).to_json()
            )
            if self.preview is not None:  # the banner over the open pages, as for a build
                errors = [e.brief() for e in self.syntax_errors.values()]
                self.server.spawn(self.preview.hub.build_finished((), self.session.builds, errors))
            return
        self.syntax_errors.pop(path, None)
        self.session.resume()
        self.rebuilder.request({path})

    # --- results ----------------------------------------------------------------------------

    async def _published(self, result: BuildResult) -> None:
        if result.ok:
            self.syntax_errors.clear()
        if self.preview is not None:  # the new pixels first; the diagnostics follow in ms
            errors = [] if result.ok else [e.brief() for e in result.errors]
            await self.preview.hub.build_finished(result.pages_changed, self.session.builds, errors)
        self.publish_diagnostics(result)
        for line in result.output.splitlines():
            self.server.log(f"| {line}")
        self.server.log(
            result.summary(), types.MessageType.Info if result.ok else types.MessageType.Warning
        )
        for error in result.errors:
            self.server.log(error.headline(), types.MessageType.Warning)
            if error.source is None:
                self.server.say(f"storyville: {error.message}", types.MessageType.Error)
        if result.ok:
            refresh_code_lenses(self.server)
        finished = BuildFinished.of(result, self.session.builds)
        self.server.protocol.notify(BUILD_FINISHED, finished.to_json())
        self.progress.end(result.summary())
        for waiting in self.results:
            if not waiting.done():
                waiting.set_result(result)
        self.results.clear()
        await self.watching.update(self.session.watched_dirs())

    def publish_diagnostics(self, result: BuildResult | None) -> None:
        """Syntax errors found on save, the last build's errors elsewhere, failed assertions
        and the site's warnings."""
        errors = list(self.syntax_errors.values())
        if result is not None and not result.ok:
            syntax_files = set(self.syntax_errors)
            errors += [e for e in result.errors if e.file not in syntax_files]
        errors += self.session.assertion_errors()
        errors += result.warnings if result is not None else ()
        self.diagnostics.publish(errors)
