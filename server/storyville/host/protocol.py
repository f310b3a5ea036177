"""What the editor-facing process and its build host say to each other over their pipe.

Plain dataclasses, pickled by `multiprocessing.connection` (a length-prefixed frame each);
both sides are the same storyville, so no versioning is needed. Per save only the plan's
input (changed files), the summary, errors and changed page names cross: the snapshot and
the site stay in the host.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from storyville.results import BuildError, BuildResult, ReportsUpdate


@dataclass(frozen=True, slots=True)
class HostConfig:
    """Everything a host needs to build one catalog; sent once, first."""

    package: str
    search_path: tuple[str, ...]
    roots: tuple[str, ...]
    output: Path
    with_assertions: bool = True
    use_subinterpreters: bool = True  # False: build in the host's own interpreter, once
    time_limit: float = 30.0
    memory_limit: int | None = 4 * 2**30  # bytes of address space; None: no limit
    crash_dir: Path | None = None  # where faulthandler and activity notes go
    bytecode_cache: Path | None = None
    private_output: bool = False  # `output` is a temporary site only storyville writes to


# --- requests (supervisor → host) -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Collect:
    """Build what these files affect (and any earlier unpublished change); keep the result."""

    id: int
    changed: frozenset[str]
    full: bool = False


@dataclass(frozen=True, slots=True)
class Publish:
    """Render and write the kept result of `Collect` number `id`."""

    id: int


@dataclass(frozen=True, slots=True)
class Shutdown:
    id: int = 0


@dataclass(frozen=True, slots=True)
class Limits:
    """New limits, from the next build on (settings changed in the editor); no reply."""

    time_limit: float
    memory_limit: int | None


type Request = Collect | Publish | Limits | Shutdown


# --- replies and events (host → supervisor) -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ready:
    """The host is up and its first interpreter warm."""

    pid: int
    seconds: float


@dataclass(frozen=True, slots=True)
class Collected:
    id: int
    nothing_to_do: bool = False
    replace_host: bool = False  # an interpreter could not be closed or stopped: start afresh


@dataclass(frozen=True, slots=True)
class Published:
    id: int
    result: BuildResult
    builds: int
    assertion_errors: tuple[BuildError, ...] = ()
    reports: ReportsUpdate = field(default_factory=lambda: ReportsUpdate(full=False))
    watched_dirs: frozenset[Path] = field(default_factory=frozenset)
    replace_host: bool = False


@dataclass(frozen=True, slots=True)
class Phase:
    """Progress inside a build ("rendering pages"), for the editor's progress report."""

    message: str


@dataclass(frozen=True, slots=True)
class Failed:
    """storyville itself failed in the host (not the user's code); the text says how."""

    id: int
    message: str


type Reply = Ready | Collected | Published | Phase | Failed
