"""Which files are the user's, so errors point at their line and imports are tracked."""

from __future__ import annotations

import sys
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_STORYVILLE_DIR = str(Path(__file__).resolve().parent.parent) + "/"


@dataclass(frozen=True, slots=True)
class UserFiles:
    """Which files are the user's: under a workspace root and not a library or storyville."""

    roots: tuple[str, ...]
    excluded: tuple[str, ...] = ()

    @classmethod
    def for_roots(cls, roots: Iterable[str]) -> UserFiles:
        paths = sysconfig.get_paths()
        libs = {paths[k] for k in ("stdlib", "platstdlib", "purelib", "platlib") if k in paths}
        libs |= {p for p in sys.path if p.endswith(("site-packages", "dist-packages"))}
        libs.add(_STORYVILLE_DIR.rstrip("/"))
        return cls(
            tuple(str(Path(r).resolve()) + "/" for r in roots),
            tuple(sorted(lib.rstrip("/") + "/" for lib in libs)),
        )

    def __contains__(self, file: object) -> bool:
        if not isinstance(file, str) or not file.startswith("/"):
            return False
        return file.startswith(self.roots) and not file.startswith(self.excluded)
