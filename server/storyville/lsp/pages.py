"""Which page of the last good build each `Subject(...)` and `Story(...)` of a file made.

Code lenses and hover read the source (where the calls are now) and the build host's page
reports (what the site shows). A story is matched by the line of its `Story(...)`; while
edits not yet built move the lines, by its place in the file when the counts still agree.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from storyville.lsp.stories_source import Span, StoriesInfo
from storyville.results import AssertionReport, PageReport, plural


@dataclass(frozen=True, slots=True)
class Placed:
    span: Span  # the whole call
    name_span: Span  # `Story`, `Subject`: where the lens sits and hover answers
    report: PageReport


class _ByFile:
    """The reports by real path of their stories.py, worked out once per publish: every
    lens and hover asks about the same reports object until the next build."""

    def __init__(self) -> None:
        self.reports: Sequence[PageReport] | None = None
        self.grouped: dict[str, list[PageReport]] = {}

    def __call__(self, reports: Sequence[PageReport]) -> dict[str, list[PageReport]]:
        if self.reports is not reports:
            grouped: dict[str, list[PageReport]] = {}
            for report in reports:
                grouped.setdefault(os.path.realpath(report.file), []).append(report)
            self.reports, self.grouped = reports, grouped
        return self.grouped


_by_file = _ByFile()


def placed_pages(info: StoriesInfo, reports: Sequence[PageReport]) -> list[Placed]:
    mine = _by_file(reports).get(os.path.realpath(info.parsed.path), [])
    placed: list[Placed] = []
    node = next((r for r in mine if r.index is None), None)
    if node is not None:
        placed.append(Placed(info.span, info.name_span, node))
    stories = [r for r in mine if r.index is not None]
    by_line = {r.line: r for r in stories if r.line is not None}
    matched = [by_line.get(s.span.line + 1) for s in info.stories]
    if None in matched and len(stories) == len(info.stories):
        ordered = sorted(stories, key=lambda r: (r.line or 0, r.index or 0))
        matched = list(ordered)
    for story, report in zip(info.stories, matched, strict=True):
        if report is not None:
            placed.append(Placed(story.span, story.name_span, report))
    return placed


def outcome(assertions: Sequence[AssertionReport]) -> str | None:
    """ "2 assertions passed", "1 failing: announces_busy"; None without assertions."""
    if not assertions:
        return None
    failing = [a.name for a in assertions if not a.passed]
    if not failing:
        return f"{plural(len(assertions), 'assertion')} passed"
    shown = ", ".join(failing[:3]) + (", …" if len(failing) > 3 else "")
    passed = len(assertions) - len(failing)
    return f"{len(failing)} failing: {shown}" + (f"; {passed} passed" if passed else "")
