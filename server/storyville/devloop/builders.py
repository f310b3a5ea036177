"""Where a dev-loop build runs: a fresh subinterpreter (default) or this interpreter."""

from __future__ import annotations

import importlib
import sys
from typing import Protocol

from storyville.catalog.files import UserFiles
from storyville.collect.collector import BuildJob, Collected, collect
from storyville.pool.pool import InterpreterPool


class Builder(Protocol):
    incremental: bool  # can rebuild only the stories a change affects
    description: str

    def start(self) -> None: ...
    def collect(self, job: BuildJob) -> Collected: ...
    def close(self) -> None: ...


class SubinterpreterBuilder:
    """Every build in a never-used interpreter: fresh modules, always."""

    incremental = True
    description = "a fresh subinterpreter per build"

    def __init__(self, *, time_limit: float = 30.0, prewarm_libraries: bool = True) -> None:
        self.pool = InterpreterPool(time_limit=time_limit, prewarm_libraries=prewarm_libraries)

    def start(self) -> None:
        self.pool.start()

    def collect(self, job: BuildJob) -> Collected:
        return self.pool.build(job)

    def close(self) -> None:
        self.pool.close()


class InProcessBuilder:
    """Builds in this interpreter after deleting the workspace's modules from `sys.modules`.

    Fast, and the way out for C extensions that cannot load in a subinterpreter, but it has
    the limits of module reloading: objects held outside the workspace (registries in
    libraries, threads, C-extension state) keep pointing at the old code. No time limit.
    """

    incremental = False
    description = "in-process builds"

    def start(self) -> None:
        pass

    def collect(self, job: BuildJob) -> Collected:
        user = UserFiles.for_roots(job.roots)
        for name, module in list(sys.modules.items()):
            if getattr(module, "__file__", None) in user:
                del sys.modules[name]
        importlib.invalidate_caches()
        return collect(job)

    def close(self) -> None:
        pass


def make_builder(use_subinterpreters: bool, time_limit: float) -> Builder:
    """The builder both front ends use: subinterpreters unless the user opted out."""
    if use_subinterpreters:
        return SubinterpreterBuilder(time_limit=time_limit)
    return InProcessBuilder()
