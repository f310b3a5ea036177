"""The build host's loop: one request at a time from the supervisor, over one pipe.

The host owns what touches user code and the site: the interpreter pool (or, in fresh-process
mode, its own interpreter), the dev session with its snapshot and import graph, rendering and
writing. Whatever a build does to the process (chdir, a stuck thread, a crash) stays here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import tempfile
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path
from time import perf_counter

from storyville import heap
from storyville.collect.shards import useful_interpreters
from storyville.collect.snapshot import NodeData
from storyville.devloop.builders import MainInterpreterBuilder, SubinterpreterBuilder
from storyville.devloop.session import Attempt, DevSession, SessionConfig
from storyville.host import memory, protocol
from storyville.host.guard import FATAL, Guard, limit_memory
from storyville.pool.pool import cores

log = logging.getLogger("storyville.host")


class HostService:
    def __init__(self, connection: Connection, config: protocol.HostConfig) -> None:
        self.connection = connection
        self.config = config
        self.reports_sent: dict[str, NodeData] = {}  # the nodes whose page reports went out
        crash_dir = config.crash_dir or Path(tempfile.mkdtemp(prefix="storyville-host-"))
        self.guard = Guard.install(crash_dir, config.memory_limit)
        self.builder = (
            SubinterpreterBuilder(
                time_limit=config.time_limit,
                stack_of=self.guard.stack_of,
                # the first build is a full one: split over the cores when the catalog is big
                parallel=useful_interpreters(config.package, config.search_path, cores()),
            )
            if config.use_subinterpreters
            else MainInterpreterBuilder(time_limit=config.time_limit)
        )
        session_config = SessionConfig(
            config.package,
            config.search_path,
            config.roots,
            config.output,
            config.with_assertions,
            activity_fd=self.guard.activity_fd,
            crash_file=str(crash_dir / FATAL),
            memory_limit=config.memory_limit,
            private_output=config.private_output,
        )
        if config.bytecode_cache is not None:
            session_config.bytecode_cache = config.bytecode_cache
        self.session = DevSession(session_config, self.builder)
        self.session.on_phase = lambda message: self.send(protocol.Phase(message))
        self.kept: tuple[int, Attempt] | None = None
        self.cwd = Path.cwd()

    def send(self, message: protocol.Reply) -> None:
        self.connection.send(message)

    async def run(self) -> None:
        started = perf_counter()
        self.builder.start()
        await asyncio.to_thread(self.builder.wait_warm)
        self.send(protocol.Ready(os.getpid(), perf_counter() - started))
        while True:
            try:
                request: protocol.Request = await asyncio.to_thread(self.connection.recv)
            except EOFError, OSError:
                return  # the supervisor is gone
            match request:
                case protocol.Collect():
                    await self.collect(request)
                case protocol.Publish():
                    await self.publish(request)
                case protocol.Limits():
                    self.limit(request)
                case protocol.Shutdown():
                    return

    def limit(self, request: protocol.Limits) -> None:
        """Between builds: the next one runs under the new limits."""
        self.config = replace(
            self.config, time_limit=request.time_limit, memory_limit=request.memory_limit
        )
        if isinstance(self.builder, SubinterpreterBuilder):
            self.builder.pool.time_limit = request.time_limit
        else:
            self.builder.time_limit = request.time_limit
        self.session.config.memory_limit = request.memory_limit
        limit_memory(request.memory_limit)

    async def collect(self, request: protocol.Collect) -> None:
        self.guard.new_build()
        try:
            attempt = await self.session.collect(set(request.changed), full=request.full)
        except Exception as exc:
            log.exception("collect failed")
            self.send(protocol.Failed(request.id, f"{type(exc).__name__}: {exc}"))
            return
        finally:
            with contextlib.suppress(OSError):
                os.chdir(self.cwd)  # a catalog that changed directory changed it for all
        self.kept = (request.id, attempt)
        self.send(
            protocol.Collected(
                request.id,
                nothing_to_do=attempt.plan is None,
                replace_host=self.builder.needs_replacement,
            )
        )

    async def publish(self, request: protocol.Publish) -> None:
        if self.kept is None or self.kept[0] != request.id:
            self.send(protocol.Failed(request.id, f"no collected build {request.id} to publish"))
            return
        _, attempt = self.kept
        self.kept = None
        try:
            try:
                result = await self.session.publish(attempt, settle=False)
            except Exception as exc:
                log.exception("publish failed")
                self.send(protocol.Failed(request.id, f"{type(exc).__name__}: {exc}"))
                return
            self.send(
                protocol.Published(
                    request.id,
                    result,
                    self.session.builds,
                    self.session.assertion_errors(),
                    self.session.reports_update(self.reports_sent),
                    frozenset(self.session.watched_dirs()),
                    replace_host=self.builder.needs_replacement,
                )
            )
        finally:
            # After the reply, so the reload does not wait for them: the next build's
            # interpreter starts warming, and a full build's objects are settled.
            self.session.settle()
        if result.ok and result.mode == "full":
            memory.settle()


def main(fd: int) -> int:
    """Entry point of `python -m storyville.host FD` (FD: the supervisor's socket)."""
    logging.basicConfig(
        level=os.environ.get("STORYVILLE_LOG", "WARNING").upper(),
        format="%(asctime)s host %(name)s: %(message)s",
        stream=sys.stderr,
    )
    heap.share_arenas()  # before any thread: a new one a save would fragment the heap
    connection = Connection(fd)
    # A build that forks (possible only in fresh-process mode) leaves its child no way to
    # answer for this host.
    os.register_at_fork(after_in_child=lambda: _forget(fd))
    try:
        config: protocol.HostConfig = connection.recv()
    except EOFError, OSError:
        return 1
    asyncio.run(HostService(connection, config).run())
    sys.stdout.flush()
    sys.stderr.flush()
    # Threads a catalog started may never end, and interpreters they keep cannot close:
    # leave without waiting for them.
    os._exit(0)


def _forget(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)
