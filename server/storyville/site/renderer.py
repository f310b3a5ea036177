"""From a catalog snapshot to the site's files: pages (memoised by their inputs) and assets."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path, PurePosixPath

from storyville.catalog.static import site_path, static_files
from storyville.collect.snapshot import Snapshot
from storyville.site.specs import SiteSpecs
from storyville.site.ui.assets import ui_assets
from storyville.site.ui.models import PageSpec
from storyville.site.ui.pages import ASSETS, render_page


@cache
def static_assets() -> dict[str, bytes]:
    """The UI's assets by their hashed names (`site/ui/assets.py`)."""
    return dict(ui_assets().values())


class SiteRenderer:
    """Renders a snapshot into files, re-rendering only pages whose spec changed."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[PageSpec, bytes]] = {}
        self._specs = SiteSpecs()
        self._static: dict[str, tuple[tuple[int, int], bytes]] = {}
        self._listing: list[tuple[PurePosixPath, Path]] | None = None  # the last walk's
        self._files: dict[str, bytes] = {}  # the last call's output
        self.rendered = 0  # pages rendered by the last call
        # What the last call changed against the one before: names whose bytes are new
        # objects (equal bytes are handed back as the same object) and names no longer there.
        self.fresh: list[str] = []
        self.gone: set[str] = set()

    def static(self, catalog_dir: Path, *, rescan: bool = True) -> Iterator[tuple[str, bytes]]:
        """The catalog's `static/` files; one unchanged since the last call is not read again.
        Without `rescan` the package is not walked again: the files are those found last."""
        if rescan or self._listing is None:
            self._listing = list(static_files(catalog_dir))
        seen: dict[str, tuple[tuple[int, int], bytes]] = {}
        for relative, file in self._listing:
            try:
                stat = file.stat()
                key = (stat.st_mtime_ns, stat.st_size)
                cached = self._static.get(str(file))
                data = cached[1] if cached and cached[0] == key else file.read_bytes()
            except OSError:  # gone since the walk (an editor's temporary file)
                continue
            seen[str(file)] = (key, data)
            yield site_path(relative), data
        self._static = seen

    def render(self, snapshot: Snapshot, *, rescan: bool = True) -> dict[str, bytes]:
        """`rescan=False`: no file but Python changed, so the `static/` folders are as
        they were (walking a large package for them costs more than rendering a page)."""
        return dict(self.files(snapshot, rescan=rescan))

    def files(self, snapshot: Snapshot, *, rescan: bool = True) -> Iterator[tuple[str, bytes]]:
        """The site's files one by one, so that writing can start before rendering ends."""
        last = self._files
        out: dict[str, bytes] = {}
        fresh: list[str] = []

        def emit(name: str, data: bytes) -> tuple[str, bytes]:
            before = last.get(name)
            if before is not data:
                if before is not None and before == data:
                    data = before
                else:
                    fresh.append(name)
            out[name] = data
            return name, data

        specs, script = self._specs.update(snapshot)
        for name, data in static_assets().items():
            yield emit(name, data)
        yield emit(f"{ASSETS}/catalog.js", script)
        for name, data in self.static(Path(snapshot.nodes[""].file).parent, rescan=rescan):
            yield emit(name, data)
        pages: dict[str, tuple[PageSpec, bytes]] = {}
        self.rendered = 0
        for spec in specs:
            cached = self._pages.get(spec.url)
            if cached is None or (cached[0] is not spec and cached[0] != spec):
                cached = (spec, render_page(spec))
                self.rendered += 1
                fresh.append(spec.url)
            pages[spec.url] = cached
            out[spec.url] = cached[1]
            yield spec.url, cached[1]
        self._pages = pages
        self._files, self.fresh, self.gone = out, fresh, last.keys() - out.keys()
