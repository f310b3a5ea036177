"""ImportGraph: which modules a change reaches, and how a build records the graph."""

import builtins
import importlib
import sys
import textwrap
import types
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from storyville.catalog.files import UserFiles
from storyville.collect.imports import ImportGraph, ImportRecorder


def graph(edges: dict[str, set[str]]) -> ImportGraph:
    """importer -> what it imported; every module named anywhere gets a file."""
    names = set(edges) | {target for targets in edges.values() for target in targets}
    return ImportGraph(
        {name: f"/ws/{name.replace('.', '/')}.py" for name in names},
        {name: frozenset(targets) for name, targets in edges.items()},
    )


CHAIN = {"c": {"b"}, "b": {"a"}, "a": set()}  # c imports b imports a
DIAMOND = {"top": {"left", "right"}, "left": {"base"}, "right": {"base"}, "base": set()}
CYCLE = {"a": {"b"}, "b": {"a"}, "user": {"a"}, "other": set()}
SELF_LOOP = {"a": {"a"}, "b": {"a"}}
# parent packages, as the recorder adds them: a module depends on each package above it
PACKAGES = {
    "pkg": set(),
    "pkg.sub": {"pkg"},
    "pkg.sub.mod": {"pkg", "pkg.sub"},
    "pkg.other": {"pkg"},
    "pkg.sub.stories": {"pkg", "pkg.sub", "pkg.sub.mod"},
}


@pytest.mark.parametrize(
    ("edges", "changed", "expected"),
    [
        pytest.param(CHAIN, set(), set(), id="nothing changed"),
        pytest.param(CHAIN, {"c"}, {"c"}, id="nobody imports it"),
        pytest.param(CHAIN, {"b"}, {"b", "c"}, id="direct importer"),
        pytest.param(CHAIN, {"a"}, {"a", "b", "c"}, id="transitive importers"),
        pytest.param(DIAMOND, {"base"}, {"base", "left", "right", "top"}, id="diamond"),
        pytest.param(DIAMOND, {"left"}, {"left", "top"}, id="one side of a diamond"),
        pytest.param(DIAMOND, {"left", "right"}, {"left", "right", "top"}, id="several changed"),
        pytest.param(CYCLE, {"a"}, {"a", "b", "user"}, id="cycle from one member"),
        pytest.param(CYCLE, {"b"}, {"a", "b", "user"}, id="cycle from the other member"),
        pytest.param(CYCLE, {"user"}, {"user"}, id="outside the cycle"),
        pytest.param(SELF_LOOP, {"a"}, {"a", "b"}, id="self import"),
        pytest.param(CHAIN, {"unknown"}, {"unknown"}, id="unknown module"),
        pytest.param(CHAIN, {"unknown", "b"}, {"unknown", "b", "c"}, id="unknown with known"),
        pytest.param(
            PACKAGES,
            {"pkg"},
            {"pkg", "pkg.sub", "pkg.sub.mod", "pkg.other", "pkg.sub.stories"},
            id="top package",
        ),
        pytest.param(
            PACKAGES,
            {"pkg.sub"},
            {"pkg.sub", "pkg.sub.mod", "pkg.sub.stories"},
            id="subpackage",
        ),
        pytest.param(PACKAGES, {"pkg.sub.mod"}, {"pkg.sub.mod", "pkg.sub.stories"}, id="module"),
        pytest.param(PACKAGES, {"pkg.other"}, {"pkg.other"}, id="sibling module"),
    ],
)
def test_dependents(edges: dict[str, set[str]], changed: set[str], expected: set[str]) -> None:
    assert graph(edges).dependents(changed) == expected


def test_dependents_accepts_any_iterable_and_leaves_it_alone() -> None:
    changed = ["a"]
    assert graph(CHAIN).dependents(iter(changed)) == {"a", "b", "c"}
    assert changed == ["a"]


def test_empty_graph() -> None:
    assert ImportGraph().dependents({"x"}) == {"x"}
    assert ImportGraph().modules_for(["/ws/x.py"]) == set()


def test_modules_for() -> None:
    g = ImportGraph({"a": "/ws/a.py", "b": "/ws/b.py", "b2": "/ws/b.py"}, {})
    assert g.modules_for(["/ws/b.py", "/ws/missing.py"]) == {"b", "b2"}
    assert g.modules_for([]) == set()


def test_merged_prefers_the_newer_graph() -> None:
    old = ImportGraph({"a": "/ws/a.py", "b": "/ws/b.py"}, {"a": frozenset({"b"}), "b": frozenset()})
    new = ImportGraph({"a": "/ws/a2.py"}, {"a": frozenset()})
    merged = old.merged(new)
    assert merged.files == {"a": "/ws/a2.py", "b": "/ws/b.py"}
    assert merged.deps == {"a": frozenset(), "b": frozenset()}
    assert merged.dependents({"b"}) == {"b"}  # a no longer imports b
    assert old.dependents({"b"}) == {"a", "b"}  # the old graph is unchanged


def test_merged_carries_its_indexes_forward_as_a_fresh_graph_would_answer() -> None:
    """A save's plan asks the merged graph: its who-imports-whom index is updated from the
    change, not rebuilt, and answers as a graph built from scratch does."""
    kept = graph(DIAMOND)
    assert kept.dependents({"base"}) == {"base", "left", "right", "top"}  # indexes built
    changes = [
        ImportGraph({"left": "/ws/left.py"}, {"left": frozenset()}),  # left stops importing base
        ImportGraph({"new": "/ws/new.py"}, {"new": frozenset({"right"})}),  # a new importer
        ImportGraph({"right": "/ws/moved/right.py"}, {"right": frozenset({"base"})}),  # file moved
        ImportGraph({"left": "/ws/left.py"}, {"left": frozenset({"base", "right"})}),
    ]
    for change in changes:
        kept = kept.merged(change)
        fresh = ImportGraph(dict(kept.files), dict(kept.deps))
        for module in ("base", "left", "right", "top", "new"):
            assert kept.dependents({module}) == fresh.dependents({module}), module
        for file in ("/ws/right.py", "/ws/moved/right.py", "/ws/left.py", "/ws/new.py"):
            assert kept.modules_for([file]) == fresh.modules_for([file]), file
    assert kept.dependents({"right"}) == {"right", "top", "new", "left"}
    assert kept.modules_for(["/ws/right.py"]) == set()


# --- what the recorder turns into a graph --------------------------------------------------


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A uniquely named package on sys.path; its modules leave sys.modules afterwards."""
    name = f"unitgraph_{uuid.uuid4().hex[:8]}"
    files = {
        "__init__.py": "",
        "base.py": "VALUE = 1\n",
        "helper.py": "from .base import VALUE\n",
        "sub/__init__.py": "",
        "sub/mod.py": """
            import importlib
            from .. import helper
            from ..sub import leaf
            import json

            importlib.import_module("{name}.dynamic")
        """,
        "sub/leaf.py": "",
        "dynamic.py": "",
    }
    for relative, text in files.items():
        path = tmp_path / name / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text.replace("{name}", name)).lstrip())
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        yield name
    finally:
        for module in [m for m in sys.modules if m == name or m.startswith(f"{name}.")]:
            del sys.modules[module]


def test_recorder_records_relative_dynamic_and_parent_imports(tmp_path: Path, package: str) -> None:
    original = builtins.__import__, importlib.import_module
    with ImportRecorder() as recorder:
        importlib.import_module(f"{package}.sub.mod")
    assert (builtins.__import__, importlib.import_module) == original  # restored
    g = recorder.graph(UserFiles((str(tmp_path) + "/",)))
    p = package
    assert set(g.files) == {
        p,
        f"{p}.base",
        f"{p}.helper",
        f"{p}.sub",
        f"{p}.sub.mod",
        f"{p}.sub.leaf",
        f"{p}.dynamic",
    }
    assert g.files[f"{p}.sub.mod"] == str(tmp_path / p / "sub/mod.py")
    # json is not the user's; the parents are there although mod never names them
    assert g.deps[f"{p}.sub.mod"] == {
        p,
        f"{p}.sub",
        f"{p}.helper",
        f"{p}.sub.leaf",
        f"{p}.dynamic",
    }
    assert g.deps[f"{p}.helper"] == {p, f"{p}.base"}
    assert g.dependents({f"{p}.base"}) == {f"{p}.base", f"{p}.helper", f"{p}.sub.mod"}


def test_recorder_graph_keeps_only_user_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = f"unitfake_{uuid.uuid4().hex[:8]}"
    for module, file in {
        name: tmp_path / name / "__init__.py",
        f"{name}.a": tmp_path / name / "a.py",
        f"{name}.lib": Path("/elsewhere/lib.py"),
    }.items():
        fake = types.ModuleType(module)
        fake.__file__ = str(file)
        monkeypatch.setitem(sys.modules, module, fake)
    recorder = ImportRecorder()
    recorder.edges[f"{name}.a"] = {f"{name}.lib", f"{name}.a", "os"}
    g = recorder.graph(UserFiles((str(tmp_path) + "/",)))
    assert set(g.files) == {name, f"{name}.a"}
    assert g.deps == {name: frozenset(), f"{name}.a": frozenset({name})}  # no self edge
