"""Find a catalog's `stories.py` modules and turn each into a Catalog, Section or Subject."""

from __future__ import annotations

import annotationlib
import importlib
import inspect
import linecache
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from storyville.catalog.ignore import ignored_dir
from storyville.catalog.models import Catalog, CatalogNode, Section, Subject
from storyville.catalog.source import SourceRef

FACTORY_NAMES = {"this_catalog": Catalog, "this_section": Section, "this_subject": Subject}
_NODE_TYPES: dict[str, type] = {"Catalog": Catalog, "Section": Section, "Subject": Subject}
_ASSET_DIRS = {"static", "templates"}  # a component's files, never a package


class CatalogNotFound(Exception):
    """The dotted name does not lead to a catalog package: a user error, not a crash."""


class StructureError(Exception):
    """The catalog tree is malformed; carries the offending file and line."""

    def __init__(self, message: str, source: SourceRef) -> None:
        super().__init__(message)
        self.source = source


class NoFactory(StructureError):
    """A stories.py with no factory: below the root it is skipped (Storyville 0.1 did), not
    an error, so a helper module named stories.py does not break the catalog."""


@dataclass(frozen=True, slots=True, order=True)
class StoriesModule:
    """One `stories.py`: its tree path ("" at the root, "forms.button" below), module and file."""

    path: str
    module: str
    file: str


def package_dir(package: str, search: Iterable[str]) -> Path:
    """The directory of a dotted package, found on the search path without importing it."""
    parts = package.split(".")
    if not all(part.isidentifier() for part in parts):
        raise CatalogNotFound(f"{package!r} is not a dotted Python package name")
    for entry in search:
        candidate = Path(entry or ".").joinpath(*parts)
        if candidate.is_dir():
            return candidate.resolve()
    where = ", ".join(dict.fromkeys(str(Path(e or ".").resolve()) for e in search))
    raise CatalogNotFound(f"no package {package!r} found (looked in {where})")


_DECLARES_CATALOG = re.compile(r"def\s+this_catalog\b|->\s*[\"']?(?:\w+\.)*Catalog\b")


def catalog_dir_of(directory: Path) -> Path | None:
    """The nearest directory at or above `directory` whose stories.py declares the catalog
    (read, not imported): a namespace package has no `__init__.py` to say where it starts."""
    for candidate in (directory, *directory.parents):
        stories = candidate / "stories.py"
        try:
            if stories.is_file() and _DECLARES_CATALOG.search(
                stories.read_text("utf-8", "replace")
            ):
                return candidate
        except OSError:
            continue
    return None


def import_root(directory: Path) -> tuple[Path, str]:
    """The sys.path entry a package directory is importable from, and its dotted name."""
    parts = []
    while (directory / "__init__.py").is_file():
        parts.append(directory.name)
        directory = directory.parent
    return directory, ".".join(reversed(parts))


_UNKNOWN = Path()


def catalog_import_root(
    directory: Path, base: Path | None = None, *, top: Path | None = _UNKNOWN
) -> tuple[Path, str]:
    """`import_root`, also for a catalog without `__init__.py` files (namespace packages).

    A namespace catalog is named from `base` (pytest's rootdir: Storyville 0.1's catalogs
    import themselves as `examples.complete....`) when it lies below it, else from its own
    directory. The name is empty when `directory` is in no package at all. `top`: the
    directory's `catalog_dir_of`, when the caller knows it already."""
    directory = directory.resolve()
    if top is _UNKNOWN:
        top = catalog_dir_of(directory)
    if top is None or (top / "__init__.py").is_file():
        return import_root(directory)
    root = top.parent
    if (
        base is not None
        and top != (base := base.resolve())
        and top.is_relative_to(base)
        and all(part.isidentifier() for part in top.relative_to(base).parts)
    ):
        root = base
    parts = directory.relative_to(root).parts
    if not all(part.isidentifier() for part in parts):
        return import_root(directory)
    return root, ".".join(parts)


def find_stories_modules(package: str, root: Path) -> list[StoriesModule]:
    """Every importable `stories.py` below the package directory, parents before children."""
    if not (root / "stories.py").is_file():
        raise CatalogNotFound(
            f"{package!r} is not a catalog: {root / 'stories.py'} does not exist "
            "(a catalog's root stories.py defines this_catalog())"
        )
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(
            d for d in dirnames if d.isidentifier() and d not in _ASSET_DIRS and not ignored_dir(d)
        )
        if "stories.py" in filenames:
            rel = Path(dirpath).relative_to(root).parts
            path = ".".join(rel)
            module = ".".join((package, *rel, "stories"))
            found.append(StoriesModule(path, module, str(Path(dirpath) / "stories.py")))
    return sorted(found, key=lambda m: (m.path.count("."), m.path) if m.path else (-1, ""))


def _returned_type(func: Callable[..., Any]) -> type | None:
    try:
        annotations = annotationlib.get_annotations(func, format=annotationlib.Format.FORWARDREF)
    except Exception:  # noqa: BLE001 - broken annotations are not our business here
        return None
    returned = annotations.get("return")
    if isinstance(returned, type):
        return returned if returned in _NODE_TYPES.values() else None
    name = getattr(returned, "__forward_arg__", returned)
    if isinstance(name, str):
        return _NODE_TYPES.get(name.rsplit(".", 1)[-1])
    return None


def _def_source(func: Callable[..., Any], file: str) -> SourceRef:
    """The function's name in its `def` line (past any decorators)."""
    code = getattr(func, "__code__", None)
    first = code.co_firstlineno if code else 1
    name = getattr(func, "__name__", "")
    for line in range(first, first + 20):
        text = linecache.getline(file, line)
        column = text.find(f"def {name}")
        if column >= 0:
            return SourceRef(file, line, column + 4, line, column + 4 + len(name))
        if not text:
            break
    return SourceRef(file, first)


def factory_of(module: ModuleType, file: str) -> Callable[[], Any]:
    """The one function of a stories module that builds its node."""
    candidates = [
        obj
        for name, obj in vars(module).items()
        if inspect.isfunction(obj)
        and obj.__module__ == module.__name__
        and (name in FACTORY_NAMES or _returned_type(obj) is not None)
    ]
    if not candidates:
        raise NoFactory(
            f"{module.__name__} defines none of this_catalog(), this_section(), this_subject() "
            "(or a function annotated to return Catalog, Section or Subject)",
            SourceRef(file, 1),
        )
    if len(candidates) > 1:
        names = ", ".join(f"{c.__name__}()" for c in candidates)
        raise StructureError(
            f"{module.__name__} has {len(candidates)} candidate functions ({names}); "
            "a stories.py must define exactly one",
            _def_source(candidates[1], file),
        )
    return candidates[0]


def load_node(stories: StoriesModule) -> tuple[CatalogNode, SourceRef]:
    """Import a stories module and call its factory; returns the node and the factory's place."""
    module = importlib.import_module(stories.module)
    factory = factory_of(module, stories.file)
    where = _def_source(factory, stories.file)
    node = factory()
    expected = FACTORY_NAMES.get(factory.__name__) or _returned_type(factory)
    if not isinstance(node, Catalog | Section | Subject):
        raise StructureError(
            f"{factory.__name__}() returned {type(node).__name__}, "
            f"expected {expected.__name__ if expected else 'Catalog, Section or Subject'}",
            where,
        )
    if expected is not None and not isinstance(node, expected):
        raise StructureError(
            f"{factory.__name__}() returned a {type(node).__name__}, expected {expected.__name__}",
            where,
        )
    return node, where
