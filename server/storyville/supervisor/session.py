"""HostSession: how `lsp` and `serve` build, through a supervised build host process.

It looks like a DevSession to the Rebuilder and the front ends, but every build happens in
a child process (host/). When the host dies (a signal, `os._exit`, an abort), the build is
reported at the user's line and a new host is warmed; after three deaths in a row without a
good build it waits for the next save. A build past its time limit that Python cannot stop
(blocked in C code) is ended with its host. The preview keeps the last good site throughout:
a dead host never wrote a half site (see site/writer.py).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from time import perf_counter

from storyville import heap
from storyville.catalog.discovery import CatalogNotFound, find_stories_modules, package_dir
from storyville.catalog.files import UserFiles
from storyville.collect import bytecode
from storyville.crashes import crash_error, user_frame
from storyville.host import protocol
from storyville.results import BuildError, BuildResult, ErrorKind, PageReport
from storyville.supervisor.process import HostDied, HostProcess

log = logging.getLogger("storyville.supervisor")

CRASHES_BEFORE_PAUSE = 3
_READY_WAIT = 60.0  # seconds a closing session waits for a host still starting
_DEADLINE_MARGIN = 10.0  # seconds past the host's own watchdog before ending the host


@dataclass(frozen=True, slots=True)
class HostAttempt:
    """A build collected in the host, or why there is none."""

    id: int
    started: float
    error: BuildError | None = None  # the host died or failed: nothing to publish
    skipped: bool = False  # paused after repeated crashes: no build


class HostSession:
    def __init__(
        self,
        config: protocol.HostConfig,
        *,
        on_output: Callable[[str], None] = lambda line: log.info("| %s", line),
        on_notice: Callable[[str], None] = lambda text: log.warning("%s", text),
    ) -> None:
        self.config = config
        self.user = UserFiles.for_roots(config.roots)
        self.package_dir = package_dir(config.package, config.search_path)
        self.on_output = on_output
        self.on_notice = on_notice
        self.on_phase: Callable[[str], None] | None = None
        self.builds = 0
        self.last_result: BuildResult | None = None
        self.host: HostProcess | None = None
        self.restarts = 0
        self.crashes_in_a_row = 0
        self.paused = False
        self._resumed = False
        self._spawning: asyncio.Task[HostProcess] | None = None
        self._spawning_config = config  # what `_spawning`'s host is started with
        self._waiting: dict[int, asyncio.Future[protocol.Reply]] = {}
        self._ids = itertools.count(1)
        self._retired: set[HostProcess] = set()
        self._processes: set[HostProcess] = set()  # every host started and not yet stopped
        self._starts: set[asyncio.Future[protocol.Ready]] = set()
        self._dirty: set[str] = set()
        self._watched: set[Path] = {self.package_dir}
        self._assertion_errors: tuple[BuildError, ...] = ()
        self._report_nodes: dict[str, tuple[PageReport, ...]] = {}  # by tree path
        self._reports: tuple[PageReport, ...] | None = ()  # flattened; None: to redo

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        # Once per session, not per host: fresh-process mode starts a host for every build.
        bytecode.prune_in_background(self.config.bytecode_cache or bytecode.default_cache_dir())
        try:
            await self._host()
        except HostDied as died:  # the first build tries again and reports it
            log.warning("the build host did not start: %s", died)

    async def close(self) -> None:
        """Stop every host this session started, also one still starting (whose start was
        cancelled: its thread may spawn the process yet, so wait for that first)."""
        if self._starts:
            await asyncio.wait(self._starts, timeout=_READY_WAIT)
        self.host = None
        for host in list(self._processes):
            await asyncio.to_thread(host.stop)
            host.cleanup()
        self._processes.clear()

    async def reconfigure(self, config: protocol.HostConfig) -> bool:
        """From the next build on, builds run with `config` (a build running now finishes
        under the old one). New limits go to the live host; assertions and the interpreter
        mode are read as a host starts, so the next build runs in a new host, warmed here
        at once. True when the host was replaced."""
        old, self.config = self.config, config
        host = self.host
        same_host = replace(config, time_limit=old.time_limit, memory_limit=old.memory_limit)
        if host is not None and host.exited is None and same_host == old and self._was(host, old):
            host.send(protocol.Limits(config.time_limit, config.memory_limit))
            host.config = replace(
                host.config, time_limit=config.time_limit, memory_limit=config.memory_limit
            )
            return False
        try:
            await asyncio.shield(self._spawn())
        except HostDied as died:  # the next build tries again and reports it
            log.warning("the build host did not start: %s", died)
        return True

    def _current(self, process: HostProcess) -> bool:
        """Whether the host was started with the session's configuration (not an older one)."""
        return self._was(process, self.config)

    @staticmethod
    def _was(process: HostProcess, config: protocol.HostConfig) -> bool:
        return replace(process.config, crash_dir=config.crash_dir) == config

    def _spawn(self) -> asyncio.Task[HostProcess]:
        """Start a new host in the background (once at a time), unless one is ready unused."""
        task = self._spawning
        if task is not None and task.done() and not task.cancelled() and not task.exception():
            ready = task.result()
            unused = ready is not self.host and ready.exited is None and ready not in self._retired
            if unused and self._current(ready):
                return task  # warmed earlier and not taken yet
            if unused:
                self._replace(ready, warm=False)  # warmed with a configuration now gone
        if task is None or task.done() or self._spawning_config != self.config:
            if task is not None and not task.done():
                task.add_done_callback(self._retire_unused)  # still starting, for the old config
            self._spawning_config = self.config
            task = self._spawning = asyncio.get_running_loop().create_task(self._start_host())
        return task

    async def _start_host(self) -> HostProcess:
        loop = asyncio.get_running_loop()
        process = HostProcess(
            self.config,
            on_message=lambda message: loop.call_soon_threadsafe(self._received, message),
            on_exit=lambda died: loop.call_soon_threadsafe(self._ended, process, died),
            on_output=lambda line: loop.call_soon_threadsafe(self.on_output, line),
        )
        self._processes.add(process)
        # Shielded: a cancelled caller must not leave a process nobody will stop.
        start = asyncio.ensure_future(asyncio.to_thread(process.start))
        self._starts.add(start)
        start.add_done_callback(self._starts.discard)
        ready = await asyncio.shield(start)
        log.info("build host %d ready in %.0f ms", ready.pid, ready.seconds * 1000)
        return process

    def _retire_unused(self, task: asyncio.Task[HostProcess]) -> None:
        if task.cancelled() or task.exception() is not None:
            return
        ready = task.result()
        if ready is not self.host and ready not in self._retired:
            self._replace(ready, warm=False)

    async def _host(self) -> HostProcess:
        """The live host, starting one if there is none (at most one retry)."""
        if self.host is not None and not self._current(self.host):
            self._replace(self.host)  # started before `reconfigure`
        for _ in range(2):
            if self.host is not None and self.host.exited is None:
                return self.host
            self.host = await self._spawn()
        if self.host is None or self.host.exited is not None:
            raise self.host.exited if self.host and self.host.exited else HostDied(-1, "", "")
        return self.host

    def _replace(self, old: HostProcess, *, warm: bool = True) -> None:
        """Retire `old` and warm its successor (after a stuck build, in fresh-process mode)."""
        if self.host is old:
            self.host = None
        self._retired.add(old)
        if warm:
            self.restarts += 1

        async def retire() -> None:
            await asyncio.to_thread(old.stop)
            old.cleanup()
            self._retired.discard(old)
            self._processes.discard(old)

        asyncio.get_running_loop().create_task(retire())
        if warm:
            self._spawn()

    # --- messages --------------------------------------------------------------------------

    def _received(self, message: protocol.Reply) -> None:
        match message:
            case protocol.Phase(text):
                if self.on_phase is not None:
                    self.on_phase(text)
            case protocol.Collected(id) | protocol.Published(id) | protocol.Failed(id):
                waiting = self._waiting.pop(id, None)
                if waiting is not None and not waiting.done():
                    waiting.set_result(message)
            case _:
                pass

    def _ended(self, process: HostProcess, died: HostDied) -> None:
        log.info("build host %s ended: %s", process.pid, died.returncode)
        process.cleanup()  # what it left was read into `died`
        self._processes.discard(process)
        if self.host is not process:
            return  # a retired or unused host: what is asked waits on the live one
        self.host = None
        for waiting in list(self._waiting.values()):
            if not waiting.done():
                waiting.set_exception(died)
        self._waiting.clear()

    async def _ask(
        self, host: HostProcess, request: protocol.Collect | protocol.Publish, deadline: float
    ) -> protocol.Reply:
        future: asyncio.Future[protocol.Reply] = asyncio.get_running_loop().create_future()
        self._waiting[request.id] = future
        if host.exited is not None:
            raise host.exited
        host.send(request)
        async with asyncio.timeout(deadline):
            return await future

    # --- building --------------------------------------------------------------------------

    async def collect(self, changed: set[str], *, full: bool = False) -> HostAttempt:
        started = perf_counter()
        if self.paused and not self._resumed:
            return HostAttempt(0, started, skipped=True)
        self.paused = self._resumed = False
        request = protocol.Collect(next(self._ids), frozenset(changed | self._dirty), full)
        self._dirty.clear()
        try:
            host = await self._host()
        except HostDied as died:
            return HostAttempt(request.id, started, self._crash(died))
        try:
            reply = await self._ask(host, request, self.config.time_limit + _DEADLINE_MARGIN)
        except HostDied as died:
            return HostAttempt(request.id, started, self._crash(died))
        except TimeoutError:
            return HostAttempt(request.id, started, await self._end_stuck(host))
        match reply:
            case protocol.Failed(_, message):
                return HostAttempt(request.id, started, _internal(message))
            case protocol.Collected(replace_host=True) if not self.config.use_subinterpreters:
                self._spawn_successor()
        return HostAttempt(request.id, started)

    def _spawn_successor(self) -> None:
        """Fresh-process mode: the next host warms while this one renders and writes."""
        self._spawn()

    async def publish(self, attempt: HostAttempt) -> BuildResult:
        if attempt.skipped:
            return self.last_result or BuildResult(ok=False, mode="none")
        self.builds += 1
        if attempt.error is not None:
            return self._failed(attempt)
        host = self.host
        try:
            if host is None:
                raise HostDied(-1, "", "")
            reply = await self._ask(host, protocol.Publish(attempt.id), _PUBLISH_DEADLINE)
        except HostDied as died:
            return self._failed(HostAttempt(attempt.id, attempt.started, self._crash(died)))
        except TimeoutError:
            error = await self._end_stuck(host) if host is not None else _internal("no host")
            return self._failed(HostAttempt(attempt.id, attempt.started, error))
        match reply:
            case protocol.Published():
                pass
            case protocol.Failed(_, message):
                return self._failed(HostAttempt(attempt.id, attempt.started, _internal(message)))
            case _:
                return self._failed(HostAttempt(attempt.id, attempt.started, _internal("?")))
        result = reply.result
        if dropped := host.new_build():
            self.on_output(f"[{dropped} more bytes of the build's output not shown]")
        self._assertion_errors = reply.assertion_errors
        reply.reports.apply(self._report_nodes)
        self._reports = None
        self._watched = set(reply.watched_dirs) or self._watched
        if result.ok:
            self.crashes_in_a_row = 0
        if reply.replace_host and host is not None:
            self._replace(host)
        self.last_result = result
        if result.mode == "full":
            heap.trim()  # the last full build's reports, replaced just now
        return result

    def _failed(self, attempt: HostAttempt) -> BuildResult:
        assert attempt.error is not None
        error = attempt.error
        if error.kind is ErrorKind.CRASH:
            self.crashes_in_a_row += 1
            if self.crashes_in_a_row >= CRASHES_BEFORE_PAUSE:
                self.paused = True
                notice = (
                    f"the build host crashed {self.crashes_in_a_row} times in a row; "
                    "storyville builds again when you next save"
                )
                self.on_notice(notice)
            else:
                self.restarts += 1
                self._spawn()
        elif error.kind is ErrorKind.TIMEOUT:
            self.restarts += 1
            self._spawn()
        result = BuildResult(
            ok=False,
            errors=(error,),
            warnings=self.last_result.warnings if self.last_result else (),  # the site's, still
            mode="failed",
            timings={"total": perf_counter() - attempt.started},
        )
        self.last_result = result
        return result

    def _crash(self, died: HostDied) -> BuildError:
        error = crash_error(died.returncode, died.dump, died.activity, self.user)
        return error.placed(self._stories_files()) if error.source is None else error

    def _stories_files(self) -> dict[str, str]:
        try:
            found = find_stories_modules(self.config.package, self.package_dir)
        except CatalogNotFound:
            return {}
        return {m.module: m.file for m in found}

    async def _end_stuck(self, host: HostProcess) -> BuildError:
        """The host did not answer in time: see where it is, then end it."""
        dump = await asyncio.to_thread(host.dump_all_threads)
        await asyncio.to_thread(host.kill)
        where = user_frame(dump, self.user) if dump else None
        limit = self.config.time_limit
        message = f"the build took longer than {limit:g} s and was stopped with its process"
        return BuildError(ErrorKind.TIMEOUT, message, where, "TimeoutError")

    # --- what the front ends read -----------------------------------------------------------

    def mark_dirty(self, path: str) -> None:
        self._dirty.add(path)

    def resume(self) -> None:
        self._resumed = True

    def watched_dirs(self) -> set[Path]:
        return set(self._watched)

    def assertion_errors(self) -> tuple[BuildError, ...]:
        return self._assertion_errors

    def page_reports(self) -> tuple[PageReport, ...]:
        """The last published site's subjects and stories (a failed build keeps them)."""
        if self._reports is None:
            nodes = sorted(self._report_nodes.items())
            self._reports = tuple(r for _, reports in nodes for r in reports)
        return self._reports

    def error_headlines(self, relative_to: str | None = None) -> list[str]:
        errors = self.last_result.errors if self.last_result else ()
        return [e.headline(relative_to=relative_to) for e in errors]


_PUBLISH_DEADLINE = 120.0  # rendering and writing run no user code


def _internal(message: str) -> BuildError:
    return BuildError(ErrorKind.INTERPRETER, f"the build host failed: {message}")
