"""What each page of the catalog UI needs to know: plain, comparable data.

A page is re-rendered only when its spec changes, so a save that touches one subject
re-renders that subject's pages and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from storyville.collect.snapshot import NodeData, StoryData


class PageKind(StrEnum):
    INDEX = "index"
    SECTION = "section"
    SUBJECT = "subject"
    STORY = "story"
    THEMED = "themed"


@dataclass(frozen=True, slots=True)
class Link:
    title: str
    url: str  # relative to the site root, e.g. "forms/button/index.html"


@dataclass(frozen=True, slots=True)
class Summary:
    """A child node as listed on its parent's page."""

    link: Link
    kind: str
    description: str | None
    stories: int
    failed: int


@dataclass(frozen=True, slots=True)
class Totals:
    sections: int = 0
    subjects: int = 0
    stories: int = 0
    passed: int = 0
    failed: int = 0


@dataclass(frozen=True, slots=True)
class Failure:
    link: Link
    assertion: str
    message: str | None


@dataclass(frozen=True, slots=True)
class PageSpec:
    kind: PageKind
    url: str
    catalog: str
    title: str
    crumbs: tuple[Link, ...] = ()
    node: NodeData | None = None
    story: StoryData | None = None
    children: tuple[Summary, ...] = ()
    totals: Totals | None = None
    failures: tuple[Failure, ...] = ()
    previous: Link | None = None
    next: Link | None = None
    themed_url: str | None = None
    source_hint: str | None = None  # "forms/button/stories.py:12"
    source_file: str | None = None  # the hint's file, relative to the top package's parent
    source_line: int | None = None

    @property
    def root(self) -> str:
        """Relative prefix from this page back to the site root."""
        return "../" * self.url.count("/")
