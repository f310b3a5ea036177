"""Where a dev-loop build runs: a fresh subinterpreter (default) or this interpreter, once.

Both run inside the build host process (see host/): the editor-facing process never
imports user code.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from storyville.collect.collector import BuildJob, Collected
from storyville.pool import worker
from storyville.pool.pool import InterpreterPool


class Builder(Protocol):
    incremental: bool  # can rebuild only the stories a change affects
    description: str

    def start(self) -> None: ...
    def collect(self, job: BuildJob) -> Collected: ...
    def settle(self) -> None:
        """The last build is used (published, or never will be): prepare the next."""
        ...

    def close(self) -> None: ...


class SubinterpreterBuilder:
    """Every build in a never-used interpreter: fresh modules, always."""

    incremental = True
    description = "a fresh subinterpreter per build"

    def __init__(
        self,
        *,
        time_limit: float = 30.0,
        prewarm_libraries: bool = True,
        stack_of: Callable[[threading.Thread], str] | None = None,
        parallel: int = 1,
    ) -> None:
        # `parallel` interpreters are warmed for the first build, a full one split over them
        # (later builds are partial: one interpreter, one standby kept warm).
        self.pool = InterpreterPool(
            time_limit=time_limit,
            prewarm_libraries=prewarm_libraries,
            stack_of=stack_of,
            parallel=parallel,
            # The next save's interpreter warms once this save's pages are written: on two
            # cores, warming beside the render and write cost a save ~3 ms at 300 stories.
            refill_after_build=False,
        )

    def start(self) -> None:
        self.pool.start()

    def settle(self) -> None:
        self.pool.refill()

    def wait_warm(self) -> None:
        self.pool.wait_warm()

    def collect(self, job: BuildJob) -> Collected:
        return self.pool.build(job)

    def close(self) -> None:
        self.pool.close()

    @property
    def needs_replacement(self) -> bool:
        """An interpreter is stuck in C or kept alive by the catalog's threads."""
        return self.pool.abandoned > 0


class MainInterpreterBuilder:
    """One build in this process's own interpreter, for C extensions that cannot load in a
    subinterpreter; the build host is then replaced, so every build starts truly fresh
    (no `sys.modules` purge and none of its staleness)."""

    incremental = False
    description = "a fresh process per build"

    def __init__(self, *, time_limit: float = 30.0) -> None:
        self.time_limit = time_limit
        self.builds = 0

    def start(self) -> None:
        pass

    def wait_warm(self) -> None:
        pass

    def collect(self, job: BuildJob) -> Collected:
        self.builds += 1
        return worker.run(job, self.time_limit)

    def settle(self) -> None:
        pass

    def close(self) -> None:
        pass

    @property
    def needs_replacement(self) -> bool:
        return self.builds > 0
