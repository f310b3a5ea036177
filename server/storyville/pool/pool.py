"""Single-use build interpreters: one pre-warmed standby, each build in a fresh one.

An interpreter that ran a build has imported the user's modules; it is never used again.
It is closed in the background while a replacement warms up (storyville, tdom and the
third-party modules the last build used), so neither cost sits between a save and a reload.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable
from concurrent import interpreters
from concurrent.futures import Future
from dataclasses import dataclass
from time import perf_counter

from storyville.catalog.discovery import StoriesModule
from storyville.catalog.files import UserFiles
from storyville.collect.collector import BuildJob, Collected
from storyville.collect.shards import catalog_modules, merge, shard_jobs
from storyville.crashes import user_frame
from storyville.pool import worker
from storyville.results import BuildError, ErrorKind

log = logging.getLogger("storyville.pool")

_GRACE = 1.0  # seconds past the time limit for the watchdog's exception to land


@dataclass(slots=True)
class _Warm:
    interpreter: interpreters.Interpreter
    seconds: float


def stuck_error(message: str, stack: str, job: BuildJob) -> BuildError:
    """A timeout located at the user's line the stuck thread was in, when the stack says."""
    where = user_frame(stack, UserFiles.for_roots(job.roots)) if stack else None
    return BuildError(ErrorKind.TIMEOUT, message, where, "TimeoutError")


class PoolClosed(RuntimeError):
    pass


def cores() -> int:
    """How many interpreters can run at once here: the CPUs this process may use, less what
    the machine's other work keeps busy (the 1-minute load average).

    A split build does more work in all (each interpreter imports storyville, tdom and the
    components its stories share): on a 2-core machine already running other work it was
    measured slower than one interpreter (docs/hot-reload.md), so it splits only over idle
    cores. Where the load average counts a bigger host's work, this errs towards one.
    """
    count = os.process_cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:
        busy = 0.0
    return max(1, min(round(count - busy), count, 8))


class InterpreterPool:
    """Hands out never-used, pre-warmed subinterpreters; each runs exactly one build."""

    def __init__(
        self,
        *,
        time_limit: float = 30.0,
        prewarm_libraries: bool = True,
        stack_of: Callable[[threading.Thread], str] | None = None,
        parallel: int = 1,
        keep_standby: bool = True,
        refill_after_build: bool = True,
    ) -> None:
        self.time_limit = time_limit
        # Interpreters a full build is split over, running at once: one a core is the most
        # that helps. Each is a warm-up's CPU (70-100 ms) and its share of the memory.
        self.parallel = max(1, parallel)
        # After a build, warm the next; a one-shot `storyville build` has no next.
        self.keep_standby = keep_standby
        # False: the caller warms the next one (`refill`) once it has used the build, so the
        # warm-up does not take a core from its rendering and writing.
        self.refill_after_build = refill_after_build
        self.prewarm_libraries = prewarm_libraries
        self.libraries: tuple[str, ...] = ()
        # Where a thread stuck in C code is (faulthandler text); only a build host has it.
        self.stack_of = stack_of
        self.abandoned = 0  # interpreters stuck in a build, or left with running threads
        self._lock = threading.Lock()
        self._standby: Future[_Warm] | None = None
        self._spares: list[Future[_Warm]] = []  # warmed for the first build only
        self._closed = False
        self._threads: set[threading.Thread] = set()
        self._stuck: list[interpreters.Interpreter] = []  # never closed: see build()
        log.info("pool created (time limit %g s)", time_limit)

    # --- lifecycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Begin warming the first standby, and the spares the first (full) build splits over."""
        with self._lock:
            if self._standby is None and not self._closed:
                self._standby = self._spawn_warm()
                self._spares = [self._spawn_warm() for _ in range(self.parallel - 1)]

    def wait_warm(self) -> None:
        """Block until the standby and spares are warm (a build host says Ready only then)."""
        with self._lock:
            waiting = [f for f in (self._standby, *self._spares) if f is not None]
        for future in waiting:
            try:
                future.result()
            except Exception:
                log.warning("warming the first interpreters failed", exc_info=True)

    def close(self) -> None:
        """Close the standby and wait for background closes; stuck interpreters stay behind."""
        with self._lock:
            self._closed = True
            waiting = [f for f in (self._standby, *self._spares) if f is not None]
            self._standby, self._spares = None, []
        for future in waiting:
            try:
                self._discard(future.result(timeout=30).interpreter, wait=True)
            except Exception:
                log.debug("standby was not warm at shutdown", exc_info=True)
        for thread in list(self._threads):
            thread.join(timeout=10)
        log.info("pool shut down (%d abandoned interpreter(s))", self.abandoned)

    # --- building ------------------------------------------------------------------------

    def build(self, job: BuildJob) -> Collected:
        """Run one build in fresh interpreters (blocking: call it from a worker thread).

        A full build is split over `parallel` interpreters running at once (see
        collect/shards.py), each loading a part of the stories modules; a partial build, or
        a catalog too small to be worth it, runs in one.
        """
        started = perf_counter()
        found = self._split_of(job)
        jobs = shard_jobs(job, found, self.parallel) if found else [job]
        if len(jobs) == 1:
            warm = self._take()
            return self._run(job, warm, perf_counter() - started, started)
        # Each shard starts once its interpreter is warm: the standby's at once.
        warming = self._take_many(len(jobs))
        parts: list[Collected | None] = [None] * len(jobs)

        def shard(index: int) -> None:
            warm = self._ready(warming[index])
            parts[index] = self._run(
                jobs[index], warm, perf_counter() - started, started, refill=False
            )

        threads = [
            threading.Thread(target=shard, args=(i,), name=f"storyville-shard-{i}", daemon=True)
            for i in range(len(jobs))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if self.refill_after_build:
            self._refill()  # after the shards: warming would take a core from one of them
        assert found is not None
        lost = BuildError(ErrorKind.INTERPRETER, "a part of the build returned nothing")
        collected = merge(
            job.package,
            found,
            [p if p is not None else worker.failed(job, lost) for p in parts],
        )
        log.info(
            "split build end: %d interpreters in %.0f ms",
            len(jobs),
            (perf_counter() - started) * 1000,
        )
        return collected

    def _split_of(self, job: BuildJob) -> list[StoriesModule] | None:
        """The stories modules to split a full build over, walked once here; None: no split."""
        if job.modules is not None or self.parallel < 2:
            return None
        return catalog_modules(job.package, job.search_path)

    def _run(
        self,
        job: BuildJob,
        warm: _Warm,
        waited: float,
        started: float,
        *,
        refill: bool = True,
    ) -> Collected:
        log.info(
            "build start: %s (%s)",
            job.package,
            "all stories" if job.modules is None else f"{len(job.modules)} stories module(s)",
        )
        outcome: Future[Collected] = Future()

        def call() -> None:
            try:
                outcome.set_result(warm.interpreter.call(worker.run, job, self.time_limit))
            except BaseException as exc:  # noqa: BLE001 - reported to the waiting caller
                outcome.set_exception(exc)

        runner = threading.Thread(target=call, name="storyville-build", daemon=True)
        runner.start()
        try:
            collected = outcome.result(timeout=self.time_limit + _GRACE)
        except TimeoutError:
            self.abandoned += 1
            log.warning(
                "build exceeded %g s and is blocked outside Python code; its interpreter "
                "cannot be stopped (%d so far): this process must be replaced",
                self.time_limit,
                self.abandoned,
            )
            self._stuck.append(warm.interpreter)
            stack = self.stack_of(runner) if self.stack_of is not None else ""
            if refill:
                self._refill()  # a stuck build: whatever the caller does next needs one
            message = f"the build took longer than {self.time_limit:g} s and was stopped"
            return worker.failed(
                job,
                stuck_error(message, stack, job),
                {"wait": waited, "total": perf_counter() - started},
            )
        except Exception as exc:  # noqa: BLE001 - e.g. a result that would not pickle
            detail = (
                exc.excinfo.formatted
                if isinstance(exc, interpreters.ExecutionFailed)
                else f"{type(exc).__name__}: {exc}"
            )
            collected = worker.failed(
                job, BuildError(ErrorKind.INTERPRETER, f"the build interpreter failed: {detail}")
            )
        if collected.lingering_threads:
            # Closing waits for the catalog's threads, forever if they never end; so would
            # dropping the last reference. It is kept until the process is replaced.
            self._stuck.append(warm.interpreter)
            self.abandoned += 1
            log.warning(
                "the build left %d thread(s) running; its interpreter cannot be closed",
                collected.lingering_threads,
            )
        else:
            self._discard(warm.interpreter)
        if refill and self.refill_after_build:
            self._refill()
        if collected.libraries and self.prewarm_libraries:
            self.libraries = tuple(sorted(set(self.libraries) | set(collected.libraries)))
        collected.timings["wait"] = waited
        collected.timings["warm"] = warm.seconds
        log.info(
            "build end: %s in %.0f ms (wait %.0f, read %.0f, render %.0f)",
            "ok" if not collected.errors else f"{len(collected.errors)} error(s)",
            (perf_counter() - started) * 1000,
            waited * 1000,
            collected.timings.get("read", 0) * 1000,
            collected.timings.get("render", 0) * 1000,
        )
        return collected

    # --- interpreters ----------------------------------------------------------------------

    def _take(self) -> _Warm:
        return self._ready(self._take_many(1)[0])

    def _take_many(self, count: int) -> list[Future[_Warm]]:
        """The standby, the spares warmed for a first full build, and new ones for the rest."""
        with self._lock:
            if self._closed:
                raise PoolClosed("the interpreter pool is closed")
            ready = [f for f in (self._standby, *self._spares) if f is not None]
            self._standby, self._spares = None, ready[count:]
            ready = ready[:count]
        return ready + [self._spawn_warm() for _ in range(count - len(ready))]

    def _ready(self, future: Future[_Warm]) -> _Warm:
        try:
            return future.result()
        except Exception:
            log.exception("warming an interpreter failed; trying once more")
            return self._spawn_warm().result()

    def refill(self) -> None:
        """Warm the standby now, if there is none (with `refill_after_build=False`)."""
        self._refill()

    def _refill(self) -> None:
        with self._lock:
            if self._standby is None and not self._closed and self.keep_standby:
                # The standby for the next save: warmed while this save renders and writes.
                self._standby = self._spawn_warm(low_priority=True)

    def _spawn_warm(self, *, low_priority: bool = False) -> Future[_Warm]:
        future: Future[_Warm] = Future()
        libraries = self.libraries if self.prewarm_libraries else ()

        def warm() -> None:
            try:
                started = perf_counter()
                interpreter = interpreters.create()
                interpreter.prepare_main(main_path=tuple(sys.path))
                interpreter.exec(
                    "import sys\n"
                    "sys.path[:] = list(main_path) + [p for p in sys.path if p not in main_path]\n"
                    "import storyville.pool.worker\n"
                )
                _, loaded = interpreter.call(worker.warm, libraries)
                seconds = perf_counter() - started
                log.info(
                    "interpreter %d warmed in %.0f ms (%d library module(s) pre-imported)",
                    interpreter.id,
                    seconds * 1000,
                    loaded,
                )
                future.set_result(_Warm(interpreter, seconds))
            except BaseException as exc:  # noqa: BLE001
                future.set_exception(exc)

        self._background(warm, "storyville-warm", low_priority=low_priority)
        return future

    def _discard(self, interpreter: interpreters.Interpreter, *, wait: bool = False) -> None:
        def close() -> None:
            try:
                interpreter.close()
                log.info("interpreter %d discarded", interpreter.id)
            except Exception:
                log.warning("closing interpreter %d failed", interpreter.id, exc_info=True)

        thread = self._background(close, "storyville-discard", low_priority=True)
        if wait:
            thread.join()

    def _background(
        self, target: Callable[[], None], name: str, *, low_priority: bool = False
    ) -> threading.Thread:
        def run() -> None:
            if low_priority:
                _lower_priority()
            try:
                target()
            finally:
                self._threads.discard(threading.current_thread())

        thread = threading.Thread(target=run, name=name, daemon=True)
        self._threads.add(thread)
        thread.start()
        return thread


_BACKGROUND_NICENESS = 10


def _lower_priority() -> None:
    """Warming the next interpreter and closing the last one run beside a save's render and
    write and beside the user's editor and browser: on Linux this thread yields the CPU to
    them (a thread's niceness is its own there). Elsewhere, or if refused, nothing changes."""
    if sys.platform != "linux":
        return
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), _BACKGROUND_NICENESS)
