"""storyville's own additions to LSP, declared once: method names and their payloads.

The VS Code extension declares the same messages in `src/protocol.ts`; no method name is
written anywhere else on either side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyville.results import BuildError, BuildResult

PREVIEW = "storyville/preview"
"""Notification, server → client: the preview's URL, once it is listening."""

BUILD_FINISHED = "storyville/buildFinished"
"""Notification, server → client: a build (or an on-save syntax check) ended."""

REBUILD = "storyville.rebuild"
"""Command: a full rebuild; answers with the build's `BuildFinished` payload."""

PREVIEW_URL = "storyville.previewUrl"
"""Command: the preview's URL, or null while there is none."""

SHOW_STORY = "storyville.showStory"
"""Command, the "Preview" code lens: `[{"page": "forms/button/0.html", "title": "…"}]`.
The server opens `<preview URL><page>` with `window/showDocument` (else says it in a message)
and answers with that URL; the VS Code extension runs it itself, in its webview."""

PAGE_FOR = "storyville.pageFor"
"""Command: `[{"uri": "file:///…/stories.py", "line": 14}]` (0-based) → the page the preview
shows for that cursor, `{"page": "forms/button/index.html", "story": 2}` (story: null for the
subject itself, or a component module's first subject), or null when none."""

CATALOGS = "storyville.catalogs"
"""Command: the catalogs found in the workspace folders and the one being built,
`{"active": "shop.catalog", "catalogs": [{"package": "shop.catalog", "root": "/ws/src"}]}`
(active: null while none is). An editor with several asks which one to build, and restarts
the server with that `package`."""


@dataclass(frozen=True, slots=True)
class ErrorSummary:
    kind: str
    message: str
    file: str | None
    line: int | None

    @classmethod
    def of(cls, error: BuildError) -> ErrorSummary:
        return cls(error.kind.value, error.message, error.file, error.line)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message, "file": self.file, "line": self.line}


@dataclass(frozen=True, slots=True)
class BuildFinished:
    ok: bool
    build: int
    mode: str
    summary: str
    errors: tuple[ErrorSummary, ...] = ()
    duration_ms: float = 0.0
    pages_changed: int = 0
    stories: int = 0
    assertions_passed: int = 0
    assertions_failed: int = 0

    @classmethod
    def of(cls, result: BuildResult, build: int) -> BuildFinished:
        return cls(
            ok=result.ok,
            build=build,
            mode=result.mode,
            summary=result.summary(),
            errors=tuple(ErrorSummary.of(e) for e in result.errors),
            duration_ms=round(result.timings.get("total", 0.0) * 1000, 1),
            pages_changed=len(result.pages_changed),
            stories=result.stories,
            assertions_passed=result.assertions_passed,
            assertions_failed=result.assertions_failed,
        )

    @classmethod
    def syntax_check(cls, error: BuildError, build: int) -> BuildFinished:
        """A save stopped by a syntax error before any build."""
        return cls(False, build, "syntax-check", error.message, (ErrorSummary.of(error),))

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "build": self.build,
            "mode": self.mode,
            "summary": self.summary,
            "durationMs": self.duration_ms,
            "pagesChanged": self.pages_changed,
            "stories": self.stories,
            "assertionsPassed": self.assertions_passed,
            "assertionsFailed": self.assertions_failed,
            "errors": [e.to_json() for e in self.errors],
        }
