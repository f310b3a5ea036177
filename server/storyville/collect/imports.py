"""Who imported whom during a build: the graph that tells a save which pages it can change."""

from __future__ import annotations

import builtins
import importlib
import importlib.util
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyville.catalog.files import UserFiles


def _parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


class ImportRecorder:
    """Wraps `__import__` and `importlib.import_module` while user code runs.

    Runtime recording sees every import that ran, including function-level and dynamic ones.
    """

    def __init__(self) -> None:
        self.edges: defaultdict[str, set[str]] = defaultdict(set)
        self._import = builtins.__import__
        self._import_module = importlib.import_module

    def __enter__(self) -> ImportRecorder:
        builtins.__import__ = self._recording_import
        importlib.import_module = self._recording_import_module
        return self

    def __exit__(self, *exc: object) -> None:
        builtins.__import__ = self._import
        importlib.import_module = self._import_module

    def _recording_import(
        self,
        name: str,
        globals: dict[str, Any] | None = None,
        locals: Any = None,
        fromlist: Sequence[str] | None = (),
        level: int = 0,
    ) -> Any:
        module = self._import(name, globals, locals, fromlist, level)
        importer = globals.get("__name__") if globals else None
        if importer:
            if level:
                package = globals.get("__package__") or importer.rpartition(".")[0]  # type: ignore[union-attr]
                name = importlib.util.resolve_name("." * level + name, package)
            targets = self.edges[importer]
            targets.add(name)
            for item in fromlist or ():
                if f"{name}.{item}" in sys.modules:
                    targets.add(f"{name}.{item}")
        return module

    def _recording_import_module(self, name: str, package: str | None = None) -> Any:
        module = self._import_module(name, package)
        importer = sys._getframe(1).f_globals.get("__name__")
        if importer:
            self.edges[importer].add(module.__name__)
        return module

    def graph(self, user: UserFiles) -> ImportGraph:
        files: dict[str, str] = {
            name: file
            for name, module in list(sys.modules.items())
            if isinstance(file := getattr(module, "__file__", None), str) and file in user
        }
        deps = {
            name: frozenset(
                d
                for d in (self.edges.get(name, set()) | set(_parents(name)))
                if d in files and d != name
            )
            for name in files
        }
        return ImportGraph(files, deps)


@dataclass(frozen=True, slots=True)
class ImportGraph:
    """Workspace modules: their files and the workspace modules each one imported."""

    files: dict[str, str] = field(default_factory=dict)
    deps: dict[str, frozenset[str]] = field(default_factory=dict)
    # Who imports each module, and the modules of each file: worked out on first use, then
    # carried through `merged` change by change, so a save's plan costs what it changed.
    _importers: dict[str, frozenset[str]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _by_file: dict[str, frozenset[str]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def _indexes(self) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
        if self._importers is None or self._by_file is None:
            importers: defaultdict[str, set[str]] = defaultdict(set)
            for name, targets in self.deps.items():
                for target in targets:
                    importers[target].add(name)
            by_file: defaultdict[str, set[str]] = defaultdict(set)
            for name, file in self.files.items():
                by_file[file].add(name)
            object.__setattr__(self, "_importers", {k: frozenset(v) for k, v in importers.items()})
            object.__setattr__(self, "_by_file", {k: frozenset(v) for k, v in by_file.items()})
        assert self._importers is not None and self._by_file is not None
        return self._importers, self._by_file

    def modules_for(self, paths: Iterable[str]) -> set[str]:
        by_file = self._indexes()[1]
        return {name for path in set(paths) for name in by_file.get(path, ())}

    def dependents(self, modules: Iterable[str]) -> set[str]:
        """`modules` and every module that imports one of them, directly or not."""
        importers = self._indexes()[0]
        seen = set(modules)
        todo = list(seen)
        while todo:
            for importer in importers.get(todo.pop(), ()):
                if importer not in seen:
                    seen.add(importer)
                    todo.append(importer)
        return seen

    def merged(self, newer: ImportGraph) -> ImportGraph:
        merged = ImportGraph({**self.files, **newer.files}, {**self.deps, **newer.deps})
        if self._importers is None or self._by_file is None:
            return merged
        importers = dict(self._importers)
        for name, targets in newer.deps.items():
            before = self.deps.get(name, frozenset())
            for target in before - targets:
                importers[target] = importers[target] - {name}
            for target in targets - before:
                importers[target] = importers.get(target, frozenset()) | {name}
        by_file = dict(self._by_file)
        for name, file in newer.files.items():
            if (old := self.files.get(name)) == file:
                continue
            if old is not None:
                by_file[old] = by_file[old] - {name}
            by_file[file] = by_file.get(file, frozenset()) | {name}
        object.__setattr__(merged, "_importers", importers)
        object.__setattr__(merged, "_by_file", by_file)
        return merged
