"""What runs inside a build interpreter: warm-up, and one build under a watchdog.

Imported by the pool into each fresh subinterpreter; everything it returns is plain data.
"""

from __future__ import annotations

import ctypes
import importlib
import sys
import threading
from dataclasses import replace
from time import perf_counter

# Every dev-loop build installs the content-keyed loader: imported here, while the
# interpreter warms, it is off the save path (it costs ~15 ms in a fresh interpreter).
import storyville.collect.bytecode  # noqa: F401
from storyville.catalog.discovery import CatalogNotFound
from storyville.catalog.files import UserFiles
from storyville.collect.collector import BuildJob, BuildTimedOut, Collected, collect
from storyville.collect.locate import locate
from storyville.collect.snapshot import Snapshot
from storyville.collect.telltale import reporting_exits
from storyville.results import BuildError, ErrorKind, one_per_cause


def warm(libraries: tuple[str, ...]) -> tuple[float, int]:
    """Pre-import third-party modules the last build used; returns (seconds, modules loaded)."""
    started = perf_counter()
    loaded = 0
    for name in libraries:
        if name in sys.modules:
            continue
        try:
            importlib.import_module(name)
            loaded += 1
        except BaseException:  # noqa: BLE001 - a hint that fails to load is simply not warmed
            continue
    return perf_counter() - started, loaded


def _interrupt(thread_id: int) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(BuildTimedOut)
    )


def _gib(size: int) -> str:
    return f"{size / 2**30:g} GiB" if size >= 2**30 else f"{size / 2**20:g} MiB"


def _memory(error: BuildError, limit: int | None) -> BuildError:
    """A MemoryError says what happened: the build went over the host's limit."""
    if error.exception_type != "MemoryError":
        return error
    used = f"more than {_gib(limit)}" if limit else "all the memory it could get"
    where = f" (while rendering {error.story})" if error.story else ""
    return replace(error, kind=ErrorKind.MEMORY, message=f"the build used {used}{where}")


def failed(job: BuildJob, error: BuildError, timings: dict[str, float] | None = None) -> Collected:
    return Collected(Snapshot(job.package), (error,), timings=timings or {})


def run(job: BuildJob, time_limit: float) -> Collected:
    """Collect under a watchdog that stops a runaway build after `time_limit` seconds.

    The watchdog is a thread of this interpreter raising `BuildTimedOut` into the build
    thread; that stops Python code, not a call blocked in C (the pool abandons those).
    """
    started = perf_counter()
    done = threading.Event()
    build_thread = threading.get_ident()

    def watchdog() -> None:
        if not done.wait(time_limit):
            _interrupt(build_thread)

    dog = threading.Thread(target=watchdog, name="storyville-watchdog")
    dog.start()
    before = set(threading.enumerate())
    try:
        with reporting_exits(job.crash_file):
            collected = collect(job)
        lingering = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        errors = one_per_cause(_memory(e, job.memory_limit) for e in collected.errors)
        return replace(collected, errors=errors, lingering_threads=len(lingering))
    except MemoryError as exc:
        return failed(job, _memory(locate(exc, UserFiles.for_roots(job.roots)), job.memory_limit))
    except BuildTimedOut as exc:
        error = locate(exc, UserFiles.for_roots(job.roots))
        message = f"the build took longer than {time_limit:g} s and was stopped"
        return failed(
            job,
            BuildError(ErrorKind.TIMEOUT, message, error.source, "TimeoutError", error.frames),
            {"total": perf_counter() - started},
        )
    except CatalogNotFound as exc:
        return failed(job, BuildError(ErrorKind.CONFIG, str(exc)))
    except BaseException as exc:  # noqa: BLE001 - nothing a catalog does may escape
        return failed(job, locate(exc, UserFiles.for_roots(job.roots)))
    finally:
        done.set()
        dog.join()
