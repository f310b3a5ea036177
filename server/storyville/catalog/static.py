"""Component `static/` folders in the site, and `static_url()` to link to their files.

Every directory named `static` in the catalog package is copied into the site under
`static/<its path in the package>/`: `shop/forms/button/static/button.css` becomes
`static/forms/button/static/button.css`, where Storyville 0.1 put it, so links keep working
after a migration. `static_url()` turns such a file into a URL relative to the page being
rendered: relative URLs work in `storyville build` output opened from any directory, in
the preview, and behind a proxy prefix (code-server's `/proxy/PORT/`), where a path from
the site root would not.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from storyville.catalog.ignore import ignored_dir, ignored_file

SITE_DIR = "static"  # where the site keeps the catalog's static files
STATIC = "static"  # the name of a component's folder of static files


@dataclass(frozen=True, slots=True)
class _Page:
    catalog_dir: Path
    depth: int  # directories between the site root and the page


_page: ContextVar[_Page | None] = ContextVar("storyville_page", default=None)


@contextmanager
def rendering_at(subject_dir: Path, path: str) -> Iterator[None]:
    """While a subject's stories render: their pages (story, subject, themed) all sit in the
    subject's directory of the site, `path` ("forms.button") below its root."""
    depth = len(path.split(".")) if path else 0
    catalog_dir = subject_dir.parents[depth - 1] if depth else subject_dir
    token = _page.set(_Page(catalog_dir, depth))
    try:
        yield
    finally:
        _page.reset(token)


def site_path(relative: PurePosixPath) -> str:
    """Where a file of the package (given relative to it) lives in the site."""
    return f"{SITE_DIR}/{relative.as_posix()}"


def static_url(file: str | os.PathLike[str]) -> str:
    """The URL of one of the catalog's static files, relative to the page being rendered.

    `file` is a path relative to the catalog package (`"forms/button/static/button.css"`)
    or an absolute one (`Path(__file__).parent / "static" / "button.css"`); it must lie in
    a `static` folder. Call it while a story or themed layout renders (in the component,
    template or layout), not at import time: only then is the page known.
    """
    page = _page.get()
    if page is None:
        raise LookupError(
            "static_url() is called while a story renders (in a component, a template or "
            "the themed layout), not at import time: only then is the page known"
        )
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.resolve().relative_to(page.catalog_dir.resolve())
        except ValueError:
            raise ValueError(f"{file} is not in the catalog package {page.catalog_dir}") from None
    relative = PurePosixPath(path.as_posix())
    if ".." in relative.parts or STATIC not in relative.parts[:-1]:
        raise ValueError(
            f"{file!s}: static_url() links to files in a {STATIC}/ folder of the catalog "
            "package, such as forms/button/static/button.css"
        )
    return "../" * page.depth + quote(site_path(relative))


def static_files(catalog_dir: Path) -> Iterator[tuple[PurePosixPath, Path]]:
    """Every file in a `static` folder of the package: (path relative to it, file). Inside
    one only hidden entries and editors' debris are left out (`dist/` may be a bundle)."""
    for dirpath, dirnames, filenames in os.walk(catalog_dir):
        here = Path(dirpath)
        relative = here.relative_to(catalog_dir)
        inside = STATIC in relative.parts
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not (
                d.startswith(".") or d == "__pycache__" or (not inside and ignored_dir(d, here))
            )
        )
        if inside:
            for name in sorted(n for n in filenames if not ignored_file(n)):
                yield PurePosixPath(*relative.parts, name), here / name
