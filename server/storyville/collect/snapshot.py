"""The catalog as plain data: what the build interpreter hands back and the site is made of."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from storyville.catalog.source import SourceRef
from storyville.results import BuildError, ErrorKind

type Totals = tuple[int, int, int]  # stories, passed assertions, failed ones


class NodeKind(StrEnum):
    CATALOG = "catalog"
    SECTION = "section"
    SUBJECT = "subject"


@dataclass(frozen=True, slots=True)
class AssertionOutcome:
    name: str
    passed: bool
    message: str | None = None
    source: SourceRef | None = None  # where the failing assert is


@dataclass(frozen=True, slots=True)
class StoryData:
    index: int
    title: str
    html: str
    description: str | None = None
    props: tuple[tuple[str, str], ...] = ()  # name, repr
    themed_html: str | None = None
    assertions: tuple[AssertionOutcome, ...] = ()
    source: SourceRef | None = None  # the Story(...) expression
    renders: str | None = None  # "module.qualname" of the component or template


@dataclass(frozen=True, slots=True)
class NodeData:
    path: str  # "" for the catalog, "forms.button" below it
    kind: NodeKind
    title: str
    module: str
    file: str
    description: str | None = None
    component: str | None = None
    stories: tuple[StoryData, ...] = ()
    themed: bool = False
    source: SourceRef | None = None  # the factory function
    warnings: tuple[BuildError, ...] = ()  # about this node and its stories (see warnings_of)

    @property
    def name(self) -> str:
        return self.path.rsplit(".", 1)[-1]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Nodes by tree path; a partial build's snapshot holds only the nodes it rebuilt."""

    package: str
    nodes: dict[str, NodeData] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()  # tree paths of stories.py files that define no factory
    # Children by parent path, worked out on first use: a site's pages ask for every node's
    # children, and a scan of the nodes each time made a save cost the square of the catalog.
    _children: dict[str, list[NodeData]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _totals: Totals | None = field(default=None, init=False, repr=False, compare=False)

    def parent_of(self, path: str) -> str | None:
        """Nearest ancestor path that has a node (directories without stories.py are skipped)."""
        while path:
            path = path.rpartition(".")[0]
            if path in self.nodes:
                return path
        return None

    def children_of(self, path: str) -> list[NodeData]:
        """In path order. Ask once the snapshot is complete: the answer is kept."""
        if self._children is None:
            children: dict[str, list[NodeData]] = {}
            for p, node in sorted(self.nodes.items()):
                if p and (parent := self.parent_of(p)) is not None:
                    children.setdefault(parent, []).append(node)
            object.__setattr__(self, "_children", children)
        assert self._children is not None
        return list(self._children.get(path, ()))

    def ancestors_of(self, path: str) -> list[NodeData]:
        """From the catalog down to the parent of `path`."""
        chain = []
        current = self.parent_of(path)
        while current is not None:
            chain.append(self.nodes[current])
            current = self.parent_of(current)
        return chain[::-1]

    def merged(self, newer: Snapshot) -> Snapshot:
        """A module the newer build loaded replaces what it was: a node, or skipped."""
        nodes = {p: n for p, n in self.nodes.items() if p not in newer.skipped}
        kept = tuple(p for p in self.skipped if p not in newer.nodes and p not in newer.skipped)
        merged = replace(
            self, nodes={**nodes, **newer.nodes}, skipped=tuple(sorted((*kept, *newer.skipped)))
        )
        if self._children is not None and merged.nodes.keys() == self.nodes.keys():
            # The same tree with some nodes replaced (a save): their parents' lists change,
            # not the index, so a save does not sort the catalog again.
            children = dict(self._children)
            for path, node in newer.nodes.items():
                if path and (parent := merged.parent_of(path)) is not None:
                    siblings = children[parent] = list(children[parent])
                    siblings[[s.path for s in siblings].index(path)] = node
            object.__setattr__(merged, "_children", children)
            if self._totals is not None:  # less the replaced nodes, plus their new selves
                before = _totals(self.nodes[p] for p in newer.nodes)
                after = _totals(newer.nodes.values())
                totals = tuple(
                    t - b + a for t, b, a in zip(self._totals, before, after, strict=True)
                )
                object.__setattr__(merged, "_totals", totals)
        return merged

    def totals(self) -> Totals:
        """(stories, passed, failed assertions) of the whole catalog: worked out once, and
        carried by `merged` from the nodes a save replaced."""
        if self._totals is None:
            object.__setattr__(self, "_totals", _totals(self.nodes.values()))
        assert self._totals is not None
        return self._totals

    @property
    def stories(self) -> list[tuple[NodeData, StoryData]]:
        return [(n, s) for _, n in sorted(self.nodes.items()) for s in n.stories]


def _totals(nodes: Iterable[NodeData]) -> Totals:
    stories = passed = failed = 0
    for node in nodes:
        stories += len(node.stories)
        for story in node.stories:
            for outcome in story.assertions:
                passed += outcome.passed
                failed += not outcome.passed
    return stories, passed, failed


def assertion_counts(snapshot: Snapshot) -> tuple[int, int]:
    """(passed, failed) over every story."""
    _, passed, failed = snapshot.totals()
    return passed, failed


def story_count(snapshot: Snapshot) -> int:
    return snapshot.totals()[0]


def warnings_of(snapshot: Snapshot) -> tuple[BuildError, ...]:
    """What the build of each node warned about (text it had to replace): kept with the
    node, so a partial build keeps the warnings of the nodes it did not rebuild."""
    warned = sorted(((p, n) for p, n in snapshot.nodes.items() if n.warnings), key=lambda t: t[0])
    return tuple(w for _, node in warned for w in node.warnings)


def assertion_errors(snapshot: Snapshot) -> tuple[BuildError, ...]:
    """Failing assertions as errors located on their `Story(...)` (for --strict and editors)."""
    return tuple(
        e for _, node in sorted(snapshot.nodes.items()) for e in node_assertion_errors(node)
    )


def node_assertion_errors(node: NodeData) -> tuple[BuildError, ...]:
    """The failing assertions of one node's stories, as `assertion_errors` reports them."""
    errors = []
    for story in node.stories:
        for outcome in story.assertions:
            if not outcome.passed:
                errors.append(
                    BuildError(
                        ErrorKind.ASSERTION,
                        f"{node.title} › {story.title}: {outcome.name} failed: "
                        f"{outcome.message or 'assertion failed'}",
                        story.source,
                        "AssertionError",
                        story=f"{node.title} › {story.title}",
                        module=node.module,
                        related=((outcome.source, "the failing assertion"),)
                        if outcome.source
                        else (),
                    )
                )
    return tuple(errors)
