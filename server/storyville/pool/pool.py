"""Single-use build interpreters: one pre-warmed standby, each build in a fresh one.

An interpreter that ran a build has imported the user's modules; it is never used again.
It is closed in the background while a replacement warms up (storyville, tdom and the
third-party modules the last build used), so neither cost sits between a save and a reload.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from concurrent import interpreters
from concurrent.futures import Future
from dataclasses import dataclass
from time import perf_counter

from storyville.catalog.files import UserFiles
from storyville.collect.collector import BuildJob, Collected
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


class InterpreterPool:
    """Hands out never-used, pre-warmed subinterpreters; each runs exactly one build."""

    def __init__(
        self,
        *,
        time_limit: float = 30.0,
        prewarm_libraries: bool = True,
        stack_of: Callable[[threading.Thread], str] | None = None,
    ) -> None:
        self.time_limit = time_limit
        self.prewarm_libraries = prewarm_libraries
        self.libraries: tuple[str, ...] = ()
        # Where a thread stuck in C code is (faulthandler text); only a build host has it.
        self.stack_of = stack_of
        self.abandoned = 0  # interpreters stuck in a build, or left with running threads
        self._lock = threading.Lock()
        self._standby: Future[_Warm] | None = None
        self._closed = False
        self._threads: set[threading.Thread] = set()
        self._stuck: list[interpreters.Interpreter] = []  # never closed: see build()
        log.info("pool created (time limit %g s)", time_limit)

    # --- lifecycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Begin warming the first standby."""
        with self._lock:
            if self._standby is None and not self._closed:
                self._standby = self._spawn_warm()

    def wait_warm(self) -> None:
        """Block until the standby is warm (a build host says Ready only then)."""
        with self._lock:
            standby = self._standby
        if standby is not None:
            try:
                standby.result()
            except Exception:
                log.warning("warming the first interpreter failed", exc_info=True)

    def close(self) -> None:
        """Close the standby and wait for background closes; stuck interpreters stay behind."""
        with self._lock:
            self._closed = True
            standby, self._standby = self._standby, None
        if standby is not None:
            try:
                self._discard(standby.result(timeout=30).interpreter, wait=True)
            except Exception:
                log.debug("standby was not warm at shutdown", exc_info=True)
        for thread in list(self._threads):
            thread.join(timeout=10)
        log.info("pool shut down (%d abandoned interpreter(s))", self.abandoned)

    # --- building ------------------------------------------------------------------------

    def build(self, job: BuildJob) -> Collected:
        """Run one build in a fresh interpreter (blocking: call it from a worker thread)."""
        started = perf_counter()
        warm = self._take()
        waited = perf_counter() - started
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
            self._refill()
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
        with self._lock:
            if self._closed:
                raise PoolClosed("the interpreter pool is closed")
            standby, self._standby = self._standby, None
        if standby is None:
            standby = self._spawn_warm()
        try:
            return standby.result()
        except Exception:
            log.exception("warming an interpreter failed; trying once more")
            return self._spawn_warm().result()

    def _refill(self) -> None:
        with self._lock:
            if self._standby is None and not self._closed:
                self._standby = self._spawn_warm()

    def _spawn_warm(self) -> Future[_Warm]:
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

        self._background(warm, "storyville-warm")
        return future

    def _discard(self, interpreter: interpreters.Interpreter, *, wait: bool = False) -> None:
        def close() -> None:
            try:
                interpreter.close()
                log.info("interpreter %d discarded", interpreter.id)
            except Exception:
                log.warning("closing interpreter %d failed", interpreter.id, exc_info=True)

        thread = self._background(close, "storyville-discard")
        if wait:
            thread.join()

    def _background(self, target: Callable[[], None], name: str) -> threading.Thread:
        def run() -> None:
            try:
                target()
            finally:
                self._threads.discard(threading.current_thread())

        thread = threading.Thread(target=run, name=name, daemon=True)
        self._threads.add(thread)
        thread.start()
        return thread
