"""Which catalog the editor is working on: the `package` option, else found in the folders."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from storyville.catalog.discovery import (
    CatalogNotFound,
    find_stories_modules,
    import_root,
    package_dir,
)
from storyville.catalog.ignore import ignored_dir

_CATALOG = re.compile(r"^def\s+this_catalog\b|->\s*['\"]?(?:storyville\.)?Catalog\b", re.M)
_MAX_DEPTH = 6


@dataclass(frozen=True, slots=True, order=True)
class FoundCatalog:
    package: str
    import_root: Path


def find_catalogs(folders: list[Path]) -> list[FoundCatalog]:
    """Every package whose root `stories.py` defines a catalog, shallowest first."""
    found: list[FoundCatalog] = []
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            directory = Path(dirpath)
            depth = len(directory.relative_to(folder).parts)
            dirnames[:] = (
                []
                if depth >= _MAX_DEPTH
                else sorted(d for d in dirnames if not ignored_dir(d, directory))
            )
            if "stories.py" not in filenames:
                continue
            try:
                text = (directory / "stories.py").read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if not _CATALOG.search(text):
                continue
            root, package = import_root(directory)
            if not package:  # a namespace package: name it from the workspace folder
                root, package = folder, ".".join(directory.relative_to(folder).parts)
            if package and all(part.isidentifier() for part in package.split(".")):
                found.append(FoundCatalog(package, root))
                dirnames[:] = []  # sections and subjects below it belong to it
    return sorted(found, key=lambda c: (c.package.count("."), c.package))


@dataclass(frozen=True, slots=True)
class Located:
    package: str
    search_path: tuple[str, ...]
    note: str | None = None  # worth a log line: which of several catalogs was chosen


class NoCatalog(Exception):
    """Nothing to build; `error` when the user asked for a package that is not there."""

    def __init__(self, message: str, *, error: bool) -> None:
        super().__init__(message)
        self.error = error


def locate_catalog(folders: list[Path], package: str | None) -> Located:
    """The package to build and where it imports from.

    Editors without a project root may open a subdirectory as the workspace, so the
    search also looks above the workspace folders.
    """
    if package:
        # Above the folders, and where discovery found it (a src/ layout, say).
        found = [str(c.import_root) for c in find_catalogs(folders) if c.package == package]
        search = (*found, *(str(p) for f in folders for p in (f, *f.parents)))
        try:
            root = package_dir(package, search)
            find_stories_modules(package, root)
        except CatalogNotFound as exc:
            raise NoCatalog(str(exc), error=True) from exc
        depth = package.count(".") + 1
        return Located(package, (str(root.parents[depth - 1]),))
    found = workspace_catalogs(folders)
    if not found:
        raise NoCatalog(
            "no catalog in this workspace (a package whose stories.py defines "
            "this_catalog()); set the `package` initialization option",
            error=False,
        )
    note = None
    if len(found) > 1:
        note = (
            f"found {len(found)} catalogs ({', '.join(c.package for c in found)}); "
            f"using {found[0].package}: set `package` to choose another"
        )
    return Located(found[0].package, (str(found[0].import_root),), note)


def workspace_catalogs(folders: list[Path]) -> list[FoundCatalog]:
    """The catalogs in the folders, else in the package a folder lies in (opened too deep)."""
    return find_catalogs(folders) or find_catalogs(
        [top for f in folders if (top := _top_package(f)) is not None]
    )


def _top_package(folder: Path) -> Path | None:
    """The outermost package directory `folder` lies in, if it lies in one."""
    root, package = import_root(folder)
    return root / package.split(".")[0] if package else None
