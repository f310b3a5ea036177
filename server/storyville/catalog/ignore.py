"""What is never a catalog's source: one list for every walker, watcher and planner.

Hidden entries (`.git`, `.venv`, an editor's `.#file`), caches and installed packages are
skipped by name; a virtual environment under any name is recognised by its `pyvenv.cfg`.
Paths are judged relative to the directory being walked, so a catalog that itself lives
under a hidden or `build` directory is still seen.
"""

from __future__ import annotations

from pathlib import Path

IGNORED_DIRS = frozenset({"__pycache__", "node_modules", "site-packages", "dist", "build"})
_DEBRIS_SUFFIXES = frozenset({".pyc", ".pyo", ".swp", ".swx", ".tmp"})


def ignored_dir(name: str, parent: Path | None = None) -> bool:
    """A directory never walked into; with `parent`, a virtual environment is one too."""
    if name.startswith(".") or name in IGNORED_DIRS:
        return True
    return parent is not None and (parent / name / "pyvenv.cfg").exists()


def ignored_file(name: str) -> bool:
    """Hidden files, bytecode and editors' backup and swap files."""
    return name.startswith(".") or name.endswith("~") or Path(name).suffix in _DEBRIS_SUFFIXES


def ignored(relative: Path) -> bool:
    """A path below a walked directory, given relative to it."""
    *dirs, name = relative.parts or ("",)
    return any(ignored_dir(d) for d in dirs) or ignored_file(name)


def ignored_in_copy(directory: str, names: list[str]) -> set[str]:
    """For `shutil.copytree(ignore=...)`: copy a catalog without its debris."""
    parent = Path(directory)
    return {n for n in names if (ignored_dir if (parent / n).is_dir() else ignored_file)(n)}
