"""What the front ends and the Rebuilder need of a catalog session.

Two things satisfy it: `DevSession`, which builds in this process (the build host runs
one), and `HostSession`, the editor-facing proxy that drives a build host process.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from storyville.results import BuildError, BuildResult, PageReport


class CatalogSession(Protocol):
    builds: int  # builds published so far: the reload message's number
    last_result: BuildResult | None
    on_phase: Callable[[str], None] | None

    async def start(self) -> None: ...
    async def close(self) -> None: ...

    async def collect(self, changed: set[str], *, full: bool = False) -> Any:
        """Build what `changed` affects; the result is not published yet."""
        ...

    async def publish(self, attempt: Any) -> BuildResult:
        """Make a collected build the site (a failed one changes nothing on disk)."""
        ...

    def mark_dirty(self, path: str) -> None:
        """`path` changed but was not built (a syntax error): the next build includes it."""
        ...

    def resume(self) -> None:
        """The user saved: build again even after repeated crashes."""
        ...

    def watched_dirs(self) -> set[Path]: ...
    def assertion_errors(self) -> tuple[BuildError, ...]: ...
    def page_reports(self) -> tuple[PageReport, ...]: ...
    def error_headlines(self, relative_to: str | None = None) -> list[str]: ...
