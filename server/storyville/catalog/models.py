"""The authoring API: what a `stories.py` returns (compatible with Storyville 0.1)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storyville.catalog.source import SourceRef, caller_source

if TYPE_CHECKING:
    from markupsafe import Markup

type Target = Callable[..., Any]
type Assertion = Callable[[Markup], None]


@dataclass(eq=False)
class Story:
    """One way to look at a component: its props, or a template of its own."""

    props: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    description: str | None = None
    template: Callable[[], Any] | None = None
    assertions: list[Assertion] = field(default_factory=list)
    # Storyville 0.1 let a story override its subject's component.
    target: Target | None = None
    # Where the `Story(...)` expression is, so diagnostics can point at it.
    source: SourceRef | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.source is None:
            self.source = caller_source(sys._getframe(1))


@dataclass(eq=False)
class Subject:
    """One component (`target`) and its stories."""

    title: str | None = None
    description: str | None = None
    target: Target | None = None
    items: list[Story] = field(default_factory=list)


@dataclass(eq=False)
class Section:
    """A grouping level; sections may nest."""

    title: str | None = None
    description: str | None = None


@dataclass(eq=False)
class Catalog:
    """The root. With `themed_layout`, each story is also shown inside the user's own page."""

    title: str | None = None
    themed_layout: Callable[..., Any] | None = None


type CatalogNode = Catalog | Section | Subject
