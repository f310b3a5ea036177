"""DevSession planning: which stories modules a set of changed files makes a build load.

No build runs here: the session is given the snapshot and import graph a build would have
left, and a fake builder stands in for the build interpreter.
"""

from pathlib import Path

import pytest
from storyville.collect.collector import BuildJob, Collected
from storyville.collect.imports import ImportGraph
from storyville.collect.snapshot import NodeData, NodeKind, Snapshot, StoryData
from storyville.devloop.session import DevSession, Plan, SessionConfig
from storyville.results import BuildError, ErrorKind

PACKAGE = "shop"

# The catalog `shop` in a workspace `ws`, with a library module `lib.py` beside it.
FILES = (
    "lib.py",
    "notes.txt",
    "shop/__init__.py",
    "shop/stories.py",
    "shop/theme.py",  # imported by the root stories.py
    "shop/shared.py",  # imported by both components
    "shop/parts/__init__.py",
    "shop/parts/stories.py",
    "shop/parts/button/__init__.py",
    "shop/parts/button/stories.py",
    "shop/parts/button/comp.py",  # imports shop.shared and lib
    "shop/parts/button/button.css",
    "shop/parts/card/__init__.py",
    "shop/parts/card/stories.py",
    "shop/parts/card/comp.py",  # imports shop.shared
)
# Files that appeared since the last build (they are not in its snapshot or graph).
CREATED = (
    "script.py",
    "other/stories.py",
    "shop/parts/new/stories.py",
    "shop/parts/card/data.json",
    "shop/parts/button/.comp.py.swp",
    "shop/parts/button/comp.py~",
    "shop/parts/button/x.tmp",
    "shop/parts/button/__pycache__/comp.cpython-314.pyc",
    "shop/.cache/data.json",
    "shop/node_modules/x/index.js",
    "shop/node_modules/x/stories.py",
    "shop/.old/stories.py",
    "shop/parts/button/draft.py",
)
# Files of the last build that have been deleted since (never written here).
DELETED_STORIES = "shop/parts/gone/stories.py"
DELETED_ASSET = "shop/parts/button/old.css"

# Import edges as the build interpreter records them: each module also depends on its
# parent packages.
DEPS = {
    "lib": set(),
    "shop": set(),
    "shop.stories": {"shop", "shop.theme"},
    "shop.theme": {"shop"},
    "shop.shared": {"shop"},
    "shop.parts": {"shop"},
    "shop.parts.stories": {"shop", "shop.parts"},
    "shop.parts.button": {"shop", "shop.parts"},
    "shop.parts.button.comp": {
        "shop",
        "shop.parts",
        "shop.parts.button",
        "shop.shared",
        "lib",
    },
    "shop.parts.button.stories": {
        "shop",
        "shop.parts",
        "shop.parts.button",
        "shop.parts.button.comp",
    },
    "shop.parts.card": {"shop", "shop.parts"},
    "shop.parts.card.comp": {"shop", "shop.parts", "shop.parts.card", "shop.shared"},
    "shop.parts.card.stories": {
        "shop",
        "shop.parts",
        "shop.parts.card",
        "shop.parts.card.comp",
    },
}

NODES = {  # tree path -> (kind, stories module)
    "": (NodeKind.CATALOG, "shop.stories"),
    "parts": (NodeKind.SECTION, "shop.parts.stories"),
    "parts.button": (NodeKind.SUBJECT, "shop.parts.button.stories"),
    "parts.card": (NodeKind.SUBJECT, "shop.parts.card.stories"),
    "parts.gone": (NodeKind.SECTION, "shop.parts.gone.stories"),  # its stories.py is deleted
}
BUTTON = ("shop.parts.button.stories",)
CARD = ("shop.parts.card.stories",)


PACKAGES = {"shop", "shop.parts", "shop.parts.button", "shop.parts.card"}


def module_file(ws: Path, module: str) -> str:
    relative = Path(*module.split("."))
    if module in PACKAGES:
        return str(ws / relative / "__init__.py")
    return str(ws / relative.with_suffix(".py"))


def make_graph(ws: Path) -> ImportGraph:
    return ImportGraph(
        {name: module_file(ws, name) for name in DEPS},
        {name: frozenset(deps) for name, deps in DEPS.items()},
    )


def make_snapshot(ws: Path, paths: tuple[str, ...] = tuple(NODES)) -> Snapshot:
    nodes = {}
    for path in paths:
        kind, module = NODES[path]
        story = StoryData(index=0, title="Default", html="<p>hi</p>")
        nodes[path] = NodeData(
            path=path,
            kind=kind,
            title=path or "Shop",
            module=module,
            file=module_file(ws, module),
            stories=(story,) if kind is NodeKind.SUBJECT else (),
        )
    return Snapshot(PACKAGE, nodes)


class FakeBuilder:
    """A test double for a build interpreter (the `Builder` protocol): it records every job
    it is given and answers with canned `Collected` results instead of importing anything."""

    description = "a fake build interpreter"

    def __init__(self, results: list[Collected] | None = None, *, incremental: bool = True):
        self.incremental = incremental
        self.results = list(results or [])
        self.jobs: list[BuildJob] = []

    def start(self) -> None:
        pass

    def collect(self, job: BuildJob) -> Collected:
        self.jobs.append(job)
        assert self.results, f"unexpected build: {job}"
        return self.results.pop(0)

    def settle(self) -> None:
        pass

    def close(self) -> None:
        pass


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One workspace for the whole module: planning only reads it."""
    root = tmp_path_factory.mktemp("session").resolve() / "ws"
    for relative in (*FILES, *CREATED):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("")
    return root


def new_session(ws: Path, builder: FakeBuilder, *, built: bool = True) -> DevSession:
    config = SessionConfig(
        package=PACKAGE,
        search_path=(str(ws),),
        roots=(str(ws),),
        output=ws.parent / "site",
        bytecode_cache=None,
    )
    session = DevSession(config, builder)
    if built:  # as a good full build would have left it
        session.snapshot = make_snapshot(ws)
        session.graph = make_graph(ws)
        session.assets = {str(ws / "shop/parts/button/button.css"), str(ws / DELETED_ASSET)}
    return session


@pytest.fixture
def session(ws: Path) -> DevSession:
    return new_session(ws, FakeBuilder())


FULL = "full"

PLAN_CASES = [
    # id, changed (relative to ws), expected modules (FULL: every stories module; None: no
    # build), a fragment of the plan's reason
    ("nothing changed", [], None, ""),
    ("component", ["shop/parts/button/comp.py"], BUTTON, "1 stories module(s)"),
    ("stories module", ["shop/parts/card/stories.py"], CARD, "1 stories module(s)"),
    ("shared module", ["shop/shared.py"], BUTTON + CARD, "2 stories module(s)"),
    (
        "two components",
        ["shop/parts/button/comp.py", "shop/parts/card/comp.py"],
        BUTTON + CARD,
        "2 stories module(s)",
    ),
    (
        "section package __init__",
        ["shop/parts/__init__.py"],
        ("shop.parts.button.stories", "shop.parts.card.stories", "shop.parts.stories"),
        "3 stories module(s)",
    ),
    ("library outside the catalog", ["lib.py"], BUTTON, "1 stories module(s)"),
    ("root stories.py", ["shop/stories.py"], FULL, "root stories.py is affected"),
    ("imported by the root", ["shop/theme.py"], FULL, "root stories.py is affected"),
    ("catalog package __init__", ["shop/__init__.py"], FULL, "root stories.py is affected"),
    (
        "new stories.py",
        ["shop/parts/new/stories.py"],
        FULL,
        "parts/new/stories.py was added or removed",
    ),
    (
        "deleted stories.py",
        [DELETED_STORIES],
        FULL,
        "parts/gone/stories.py was added or removed",
    ),
    (
        "new stories.py with a component",
        ["shop/parts/button/comp.py", "shop/parts/new/stories.py"],
        FULL,
        "was added or removed",
    ),
    ("changed asset", ["shop/parts/button/button.css"], FULL, "button.css is not Python"),
    ("new asset", ["shop/parts/card/data.json"], FULL, "data.json is not Python"),
    ("deleted known asset", [DELETED_ASSET], FULL, "old.css is not Python"),
    (
        "asset with a component",
        ["shop/parts/button/comp.py", "shop/parts/button/button.css"],
        FULL,
        "button.css is not Python",
    ),
    # an editor's or sed's temporary file that came and went before the build
    ("vanished temporary file", ["shop/parts/button/sedAx31z"], None, ""),
    ("swap file", ["shop/parts/button/.comp.py.swp"], None, ""),
    ("backup file", ["shop/parts/button/comp.py~"], None, ""),
    ("tmp file", ["shop/parts/button/x.tmp"], None, ""),
    ("bytecode", ["shop/parts/button/__pycache__/comp.cpython-314.pyc"], None, ""),
    ("hidden directory", ["shop/.cache/data.json"], None, ""),
    ("node_modules", ["shop/node_modules/x/index.js"], None, ""),
    ("python file nobody imports", ["shop/parts/button/draft.py"], None, ""),
    ("non-Python file outside the catalog", ["notes.txt"], None, ""),
    ("python file outside the catalog", ["script.py"], None, ""),
    ("stories.py outside the catalog", ["other/stories.py"], None, ""),
    ("file outside the workspace", ["../elsewhere.css"], None, ""),
    (
        "outside file with a component",
        ["notes.txt", "shop/parts/card/comp.py"],
        CARD,
        "1 stories module(s)",
    ),
]


@pytest.mark.parametrize(
    ("changed", "expected", "reason"),
    [pytest.param(*case[1:], id=case[0]) for case in PLAN_CASES],
)
def test_plan(
    ws: Path,
    session: DevSession,
    changed: list[str],
    expected: tuple[str, ...] | str | None,
    reason: str,
) -> None:
    plan = session.plan({str(ws / relative) for relative in changed})
    if expected is None:
        assert plan is None
        return
    assert plan is not None
    assert plan.full is (expected == FULL)
    assert plan.modules == (None if expected == FULL else expected)
    assert reason in plan.reason


@pytest.mark.parametrize("relative", ["shop/node_modules/x/stories.py", "shop/.old/stories.py"])
def test_stories_py_in_an_ignored_directory_is_not_a_catalog_change(
    ws: Path, session: DevSession, relative: str
) -> None:
    assert (ws / relative).is_file()
    assert session.plan({str(ws / relative)}) is None


def test_first_build_is_full(ws: Path) -> None:
    session = new_session(ws, FakeBuilder(), built=False)
    assert session.plan({str(ws / "shop/parts/button/comp.py")}) == Plan(None, "first build")


def test_in_process_builds_are_always_full(ws: Path) -> None:
    session = new_session(ws, FakeBuilder(incremental=False))
    plan = session.plan({str(ws / "shop/parts/button/comp.py")})
    assert plan == Plan(None, "in-process build")
    assert plan is not None and plan.full


def test_cycle_in_the_graph_is_planned(ws: Path, session: DevSession) -> None:
    deps = dict(session.graph.deps)
    deps["shop.shared"] = frozenset({"shop", "shop.parts.card.comp"})  # card.comp <-> shared
    session.graph = ImportGraph(dict(session.graph.files), deps)
    plan = session.plan({str(ws / "shop/parts/card/comp.py")})
    assert plan is not None
    assert plan.modules == BUTTON + CARD


def test_job_carries_the_plan_and_config(ws: Path, session: DevSession) -> None:
    job = session.job(Plan(BUTTON, "why"))
    assert job == BuildJob(
        package=PACKAGE,
        search_path=(str(ws),),
        roots=(str(ws),),
        modules=BUTTON,
        with_assertions=True,
        record_imports=True,
        content_keyed_imports=True,
        bytecode_cache=None,
    )
    in_process = new_session(ws, FakeBuilder(incremental=False))
    assert in_process.job(Plan(None, "why")).record_imports is False
    assert in_process.job(Plan(None, "why")).modules is None


def all_stories_modules() -> tuple[str, ...]:
    return tuple(module for _, module in NODES.values())


def partial(ws: Path, paths: tuple[str, ...], *stories_modules: str) -> Collected:
    return Collected(
        make_snapshot(ws, paths),
        graph=ImportGraph(),
        stories_modules=stories_modules or all_stories_modules(),
    )


def failed(message: str = "boom") -> Collected:
    return Collected(Snapshot(PACKAGE), errors=(BuildError(ErrorKind.EXCEPTION, message),))


async def test_collect_runs_the_plan_in_the_builder(ws: Path) -> None:
    builder = FakeBuilder([partial(ws, ("parts.button",))])
    session = new_session(ws, builder)
    attempt = await session.collect({str(ws / "shop/parts/button/comp.py")})
    assert [job.modules for job in builder.jobs] == [BUTTON]
    assert attempt.plan is not None and attempt.plan.modules == BUTTON
    assert attempt.covered == {str(ws / "shop/parts/button/comp.py")}


async def test_collect_without_affected_pages_builds_nothing(ws: Path) -> None:
    builder = FakeBuilder()
    session = new_session(ws, builder)
    attempt = await session.collect({str(ws / "notes.txt")})
    assert builder.jobs == []
    assert attempt.plan is None and attempt.collected is None
    result = await session.publish(attempt)
    assert result.ok and result.mode == "none"
    assert result.stories == 2
    assert session.dirty == set()


async def test_full_rebuild_requested(ws: Path) -> None:
    builder = FakeBuilder([partial(ws, tuple(NODES))])
    session = new_session(ws, builder)
    attempt = await session.collect(set(), full=True)
    assert attempt.plan == Plan(None, "rebuild requested")
    assert [job.modules for job in builder.jobs] == [None]


async def test_partial_build_that_finds_new_stories_modules_becomes_full(ws: Path) -> None:
    grown = (*all_stories_modules(), "shop.parts.new.stories")
    builder = FakeBuilder([partial(ws, ("parts.button",), *grown), partial(ws, tuple(NODES))])
    session = new_session(ws, builder)
    attempt = await session.collect({str(ws / "shop/parts/button/comp.py")})
    assert [job.modules for job in builder.jobs] == [BUTTON, None]
    assert attempt.plan == Plan(None, "the set of stories.py files changed")


async def test_failed_partial_build_is_not_retried_in_full(ws: Path) -> None:
    builder = FakeBuilder([failed()])
    session = new_session(ws, builder)
    attempt = await session.collect({str(ws / "shop/parts/button/comp.py")})
    assert [job.modules for job in builder.jobs] == [BUTTON]
    assert attempt.plan is not None and not attempt.plan.full


async def test_failed_build_keeps_its_changes_for_the_next_one(ws: Path) -> None:
    builder = FakeBuilder([failed("first"), partial(ws, ("parts.button", "parts.card"))])
    session = new_session(ws, builder)
    before = session.snapshot
    button, card = str(ws / "shop/parts/button/comp.py"), str(ws / "shop/parts/card/comp.py")

    result = await session.publish(await session.collect({button}))
    assert not result.ok
    assert result.summary().endswith(": first")
    assert session.dirty == {button}
    assert session.snapshot is before  # a failed build changes nothing

    attempt = await session.collect({card})
    assert attempt.covered == {button, card}
    assert builder.jobs[-1].modules == BUTTON + CARD


def test_watched_dirs_are_the_package_and_each_top_level_entry_imported(
    session: DevSession, ws: Path
) -> None:
    """`lib.py` beside the catalog is watched as a file; the catalog's own files are under
    its package; a file outside the workspace roots is not watched. Asked again (every save
    asks), the answer is the same."""
    s = session
    s.graph = s.graph.merged(ImportGraph({"elsewhere": "/usr/lib/python3/elsewhere.py"}, {}))
    expected = {ws / "shop", ws / "lib.py"}
    assert s.watched_dirs() == expected
    assert s.watched_dirs() == expected
