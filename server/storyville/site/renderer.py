"""From a catalog snapshot to the site's files: pages (memoised by their inputs) and assets."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path, PurePosixPath

from storyville.catalog.static import site_path, static_files
from storyville.collect.snapshot import Snapshot
from storyville.site.specs import SiteSpecs, Specs
from storyville.site.ui.assets import ui_assets
from storyville.site.ui.models import PageSpec
from storyville.site.ui.pages import ASSETS, render_page


@cache
def static_assets() -> dict[str, bytes]:
    """The UI's assets by their hashed names (`site/ui/assets.py`)."""
    return dict(ui_assets().values())


class SiteRenderer:
    """Renders a snapshot into files, re-rendering only pages whose spec changed.

    After its first call a renderer patches its last output: the pages of the node paths
    the specs worked out again, the assets and catalog.js. So a save costs the pages it
    touches, not a walk of every page of the catalog.
    """

    def __init__(self) -> None:
        self._pages: dict[str, tuple[PageSpec, bytes]] = {}  # by URL
        self._urls: dict[str, tuple[str, ...]] = {}  # node path -> its pages' URLs
        self._specs = SiteSpecs()
        self._static: dict[str, tuple[tuple[int, int], bytes]] = {}
        self._listing: list[tuple[PurePosixPath, Path]] | None = None  # the last walk's
        self._files: dict[str, bytes] = {}  # the last call's output
        self._asset_names: set[str] = set()  # its assets, catalog.js and static files
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
        try:
            specs = self._specs.update(snapshot)
            if specs.redone is None or not self._files:
                return dict(self._all(snapshot, specs, rescan))
            return self._patch(snapshot, specs, rescan)
        except BaseException:
            self._specs, self._files = SiteSpecs(), {}  # half done: the next call starts afresh
            raise

    def files(self, snapshot: Snapshot, *, rescan: bool = True) -> Iterator[tuple[str, bytes]]:
        """The site's files one by one in path order, so that writing can start before
        rendering ends."""
        return self._all(snapshot, self._specs.update(snapshot), rescan)

    def _all(self, snapshot: Snapshot, specs: Specs, rescan: bool) -> Iterator[tuple[str, bytes]]:
        last = self._files
        out: dict[str, bytes] = {}
        fresh: list[str] = []
        self._asset_names = set()
        for name, data in self._assets(snapshot, specs, rescan):
            out[name] = kept = _same_or_fresh(last.get(name), data, name, fresh)
            self._asset_names.add(name)
            yield name, kept
        self._pages, self._urls, self.rendered = {}, {}, 0
        for path, spec_list in [*sorted(specs.pages.items()), ("", [specs.index])]:
            self._urls[path] = tuple(spec.url for spec in spec_list)
            for spec in spec_list:
                out[spec.url] = data = self._page(spec, last.get(spec.url), fresh)
                yield spec.url, data
        self._files, self.fresh, self.gone = out, fresh, last.keys() - out.keys()

    def _patch(self, snapshot: Snapshot, specs: Specs, rescan: bool) -> dict[str, bytes]:
        """The last output with the touched paths' pages, the assets and catalog.js redone."""
        assert specs.redone is not None
        last = self._files
        out = dict(last)
        fresh: list[str] = []
        written: set[str] = set()
        dropped = list(self._asset_names)
        self._asset_names = set()
        for name, data in self._assets(snapshot, specs, rescan):
            out[name] = _same_or_fresh(last.get(name), data, name, fresh)
            self._asset_names.add(name)
        written |= self._asset_names
        self.rendered = 0
        touched = [(p, specs.pages.get(p, [])) for p in specs.redone | specs.removed]
        for path, spec_list in [*touched, ("", [specs.index])]:
            dropped += self._urls.pop(path, ())
            if spec_list:
                self._urls[path] = tuple(spec.url for spec in spec_list)
            for spec in spec_list:
                out[spec.url] = self._page(spec, last.get(spec.url), fresh)
                written.add(spec.url)
        gone = {name for name in dropped if name not in written}
        for name in gone:
            out.pop(name, None)
            self._pages.pop(name, None)
        self._files, self.fresh, self.gone = out, fresh, gone
        return out

    def _assets(
        self, snapshot: Snapshot, specs: Specs, rescan: bool
    ) -> Iterator[tuple[str, bytes]]:
        """The UI's assets, catalog.js and the catalog's own static files."""
        yield from static_assets().items()
        yield f"{ASSETS}/catalog.js", specs.script
        yield from self.static(Path(snapshot.nodes[""].file).parent, rescan=rescan)

    def _page(self, spec: PageSpec, before: bytes | None, fresh: list[str]) -> bytes:
        """The page's bytes: the last ones while its spec is the same (or equal)."""
        cached = self._pages.get(spec.url)
        if cached is None or (cached[0] is not spec and cached[0] != spec):
            cached = self._pages[spec.url] = (spec, render_page(spec))
            self.rendered += 1
        return _same_or_fresh(before, cached[1], spec.url, fresh)


def _same_or_fresh(before: bytes | None, data: bytes, name: str, fresh: list[str]) -> bytes:
    """`before` again when `data` equals it (so the writer can tell by identity), else
    `data`, with `name` noted as fresh."""
    if before is data:
        return data
    if before is not None and before == data:
        return before
    fresh.append(name)
    return data
