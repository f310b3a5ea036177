"""Find the catalog in the editor's workspace folders when no `package` option is given."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from storyville.catalog.discovery import import_root

_CATALOG = re.compile(r"^def\s+this_catalog\b|->\s*['\"]?(?:storyville\.)?Catalog\b", re.M)
_SKIP = {"node_modules", "__pycache__", "site-packages", "dist", "build"}
_MAX_DEPTH = 6


@dataclass(frozen=True, slots=True, order=True)
class FoundCatalog:
    package: str
    import_root: Path


def _skip(directory: Path, name: str) -> bool:
    return name.startswith(".") or name in _SKIP or (directory / name / "pyvenv.cfg").exists()


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
                else sorted(d for d in dirnames if not _skip(directory, d))
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
            if package:
                found.append(FoundCatalog(package, root))
                dirnames[:] = []  # sections and subjects below it belong to it
    return sorted(found, key=lambda c: (c.package.count("."), c.package))
