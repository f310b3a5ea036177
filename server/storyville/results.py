"""The structured outcome of a build: plain data that pickles across interpreters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from storyville.catalog.source import SourceRef


class ErrorKind(StrEnum):
    SYNTAX = "syntax-error"
    IMPORT = "import-error"
    EXCEPTION = "exception"
    STRUCTURE = "catalog-structure"
    ASSERTION = "assertion-failed"
    EXIT = "system-exit"
    TIMEOUT = "timeout"
    CRASH = "crash"  # the build host died: a signal, os._exit, an abort
    MEMORY = "memory"  # the build went over the host's memory limit
    INTERPRETER = "interpreter"
    CONFIG = "config"
    # A warning: text no page can encode (a lone surrogate), shown with U+FFFD in its place.
    UNENCODABLE = "unencodable-text"


WARNINGS = frozenset({ErrorKind.ASSERTION, ErrorKind.UNENCODABLE})
"""Shown as warnings in editors. A failed assertion fails only a `--strict` build."""


@dataclass(frozen=True, slots=True)
class Frame:
    """One traceback frame; columns are code points, None where Python did not record them."""

    file: str
    line: int
    function: str
    text: str = ""
    column: int | None = None
    end_column: int | None = None


@dataclass(frozen=True, slots=True)
class BuildError:
    """What broke and where: the location is the user's line, not storyville's."""

    kind: ErrorKind
    message: str
    source: SourceRef | None = None
    exception_type: str = ""
    frames: tuple[Frame, ...] = ()
    story: str | None = None  # "Section › Subject › Story" when a story triggered it
    module: str | None = None  # the stories module being loaded when it happened
    related: tuple[tuple[SourceRef, str], ...] = ()

    @property
    def file(self) -> str | None:
        return self.source.file if self.source else None

    @property
    def line(self) -> int | None:
        return self.source.line if self.source else None

    def placed(self, stories_files: Mapping[str, str]) -> BuildError:
        """Without a location, on the first line of the stories module it happened in: an
        editor shows only what has a file. Errors of no module (config) stay unplaced."""
        if self.source is not None or (file := stories_files.get(self.module or "")) is None:
            return self
        return replace(self, source=SourceRef(file, 1))

    def headline(self, relative_to: str | None = None) -> str:
        """`file:line: message`, the form compilers use and editors link."""
        label = "warning: " if self.kind is ErrorKind.UNENCODABLE else ""
        if self.source is None:
            return f"{label or 'error: '}{self.message}"
        file = self.source.file
        if relative_to and file.startswith(relative_to.rstrip("/") + "/"):
            file = file[len(relative_to.rstrip("/")) + 1 :]
        return f"{file}:{self.source.line}:{self.source.column + 1}: {label}{self.message}"

    def brief(self, relative_to: str | None = None) -> dict[str, object]:
        """Plain data for the preview's error banner: the kind, the file (absolute, for the
        editor to open; `shown` relative for reading), the line and the message."""
        file = self.source.file if self.source else None
        shown = file
        if file and relative_to and file.startswith(relative_to.rstrip("/") + "/"):
            shown = file[len(relative_to.rstrip("/")) + 1 :]
        return {
            "kind": str(self.kind),
            "file": file,
            "shown": shown,
            "line": self.source.line if self.source else None,
            "message": self.message,
            "story": self.story,
        }


@dataclass(frozen=True, slots=True)
class BuildResult:
    """Summary of one build: counts, pages, timings (seconds) and errors."""

    ok: bool
    errors: tuple[BuildError, ...] = ()
    warnings: tuple[BuildError, ...] = ()  # of the site as it stands; they fail no build
    mode: str = "full"  # full | partial
    pages_written: int = 0  # HTML pages in the site
    pages_changed: tuple[str, ...] = ()  # site files whose bytes changed, assets included
    stories: int = 0
    assertions_passed: int = 0
    assertions_failed: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    output: str = ""  # what the catalog printed while it was built
    skipped: tuple[str, ...] = ()  # stories.py files without a factory, relative to the package

    @property
    def error(self) -> BuildError | None:
        return self.errors[0] if self.errors else None

    def summary(self) -> str:
        """One line for terminals and status bars."""
        ms = round(self.timings.get("total", 0.0) * 1000)
        if self.errors:
            first, *rest = self.errors
            more = f" (+{len(rest)} more)" if rest else ""
            return f"build failed in {ms} ms: {first.message}{more}"
        changed = sum(1 for name in self.pages_changed if name.endswith(".html"))
        checks = plural(self.assertions_passed, "assertion") + " passed"
        if self.assertions_failed:
            checks += f", {self.assertions_failed} failed"
        line = (
            f"built {plural(self.pages_written, 'page')} ({changed} changed), "
            f"{plural(self.stories, 'story', 'stories')}, {checks} in {ms} ms"
        )
        if self.skipped:
            line += (
                f"; skipped {len(self.skipped)} stories.py without a factory: "
                f"{', '.join(self.skipped)}"
            )
        return line


def plural(count: int, one: str, many: str | None = None) -> str:
    """`1 story`, `2 stories`: counts read as English."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def one_per_cause(errors: Iterable[BuildError]) -> tuple[BuildError, ...]:
    """Errors that differ only in the story that met them become one naming every story.

    A typo in a component used by three stories is one mistake: one diagnostic on its line,
    "… (while rendering Button › Primary, Button › Busy, Button › Checked)".
    """
    merged: dict[tuple[object, ...], BuildError] = {}
    stories: dict[tuple[object, ...], list[str]] = {}
    for error in errors:
        base, named = error.message, error.story
        # "… (while rendering A, B)": joined before (by a shard of a split build); B joins too
        marker = f" (while rendering {error.story}"
        if error.story and base.endswith(")") and (at := base.rfind(marker)) >= 0:
            base, named = base[:at], base[at + len(" (while rendering ") : -1]
        key = (error.kind, error.source, error.exception_type, base)
        if key not in merged:
            merged[key] = error
            stories[key] = []
        if named and named not in stories[key]:
            stories[key].append(named)
    return tuple(
        replace(first, message=f"{key[3]} (while rendering {', '.join(stories[key])})")
        if len(stories[key]) > 1
        else first
        for key, first in merged.items()
    )


@dataclass(frozen=True, slots=True)
class AssertionReport:
    name: str
    passed: bool
    message: str | None = None  # the failure's first line


@dataclass(frozen=True, slots=True)
class PageReport:
    """A subject or story as the current site shows it: what the editor's code lenses and
    hover say about the `Subject(...)` or `Story(...)` that made it."""

    file: str  # its stories.py
    line: int | None  # 1-based line of the `Story(...)`; None for a subject
    title: str  # "Button › Primary" for a story, "Button" for a subject
    page: str  # relative to the site's root
    index: int | None = None  # the story's place in its subject; None for a subject
    html: str = ""  # the rendered markup, trimmed
    assertions: tuple[AssertionReport, ...] = ()  # a subject's: all of its stories'
    stories: int = 0  # a subject's
    component: str | None = None  # a subject's "module.qualname" target: what the preview follows


@dataclass(frozen=True, slots=True)
class ReportsUpdate:
    """The page reports of the nodes a publish changed, by tree path."""

    full: bool  # the sender had sent nothing before: this is every node
    nodes: dict[str, tuple[PageReport, ...]] = field(default_factory=dict)
    gone: tuple[str, ...] = ()

    def apply(self, known: dict[str, tuple[PageReport, ...]]) -> None:
        if self.full:
            known.clear()
        for path in self.gone:
            known.pop(path, None)
        known.update(self.nodes)
