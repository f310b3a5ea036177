"""The catalog UI's own assets under `_storyville/`, each named by a hash of its bytes.

`pico.min.css` is written as `pico.min.1a2b3c4d5e.css`: a name that changes exactly when the
bytes do, so the preview serves it `immutable` and a browser (or the VS Code webview behind
its port proxy) never revalidates it. The names are fixed for a given storyville install, so
no page's bytes change from one build to the next because of them.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

ASSETS = "_storyville"
STATIC_DIR = Path(__file__).resolve().parent / "static"
FILES = ("pico.min.css", "storyville.css", "nav.js", "idiomorph.min.js", "favicon.svg")
HASH_LENGTH = 10
HASHED = re.compile(rf"[^/]+\.[0-9a-f]{{{HASH_LENGTH}}}\.[A-Za-z0-9]+")
"""A file name `hashed_name` made (the preview serves those immutable)."""


def hashed_name(name: str, data: bytes) -> str:
    """`pico.min.css` → `pico.min.<hash>.css`: the hash goes before the last suffix."""
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{digest}.{suffix}" if dot else f"{name}.{digest}"


@cache
def ui_assets() -> dict[str, tuple[str, bytes]]:
    """Each asset's plain name → (its path in the site, its bytes)."""
    found = {}
    for name in FILES:
        data = (STATIC_DIR / name).read_bytes()
        found[name] = (f"{ASSETS}/{hashed_name(name, data)}", data)
    return found


def asset_url(name: str) -> str:
    """The site path of a UI asset by its plain name, e.g. `_storyville/nav.<hash>.js`."""
    return ui_assets()[name][0]
