"""From a catalog snapshot to the site's files: pages (memoised by their inputs) and assets."""

from __future__ import annotations

from collections.abc import Iterator, Set
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

    Without `keep_pages` it holds no page's bytes once they are handed over (about 19 MB at
    3,000 stories), and a call's output is the assets and the pages it rendered: for a
    writer told what changed (`SiteWriter.write_changes` on storyville's private site),
    which has every other page on disk already.
    """

    def __init__(self, *, keep_pages: bool = True) -> None:
        self.keep_pages = keep_pages
        self._pages: dict[str, tuple[PageSpec, bytes | None]] = {}  # by URL; None: not kept
        self._names: set[str] = set()  # every file of the last call's site
        self._urls: dict[str, tuple[str, ...]] = {}  # node path -> its pages' URLs
        self._specs = SiteSpecs()
        self._static: dict[str, tuple[tuple[int, int], bytes]] = {}
        self._listing: list[tuple[PurePosixPath, Path]] | None = None  # the last walk's
        self._files: dict[str, bytes] = {}  # the last call's output (without kept pages: assets)
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
            if specs.redone is None or not self._names:
                return dict(self._all(snapshot, specs, rescan))
            return self._patch(snapshot, specs, rescan)
        except BaseException:
            self.reset()  # half done: the next call starts afresh
            raise

    def reset(self) -> None:
        """Forget the last output: the next call renders the whole site (also after its
        writer failed, so that no page it dropped is missing from what is written next)."""
        self._specs, self._files, self._names = SiteSpecs(), {}, set()

    @property
    def names(self) -> Set[str]:
        """Every file of the site the last call made (its output may hold fewer)."""
        return self._names

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
        names = set(out)
        for path, spec_list in [*sorted(specs.pages.items()), ("", [specs.index])]:
            self._urls[path] = tuple(spec.url for spec in spec_list)
            for spec in spec_list:
                data = self._page(spec, last.get(spec.url), fresh)
                assert data is not None  # the pages were forgotten: each is rendered
                names.add(spec.url)
                if self.keep_pages:
                    out[spec.url] = data
                yield spec.url, data
        self._files, self.fresh, self.gone = out, fresh, self._names - names
        self._names = names

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
        pages: dict[str, bytes] = {}
        for path, spec_list in [*touched, ("", [specs.index])]:
            dropped += self._urls.pop(path, ())
            if spec_list:
                self._urls[path] = tuple(spec.url for spec in spec_list)
            for spec in spec_list:
                if (data := self._page(spec, last.get(spec.url), fresh)) is not None:
                    pages[spec.url] = data
                written.add(spec.url)
        gone = {name for name in dropped if name not in written}
        for name in gone:
            out.pop(name, None)
            self._pages.pop(name, None)
        self._names = (self._names - gone) | written
        if self.keep_pages:
            out.update(pages)
            self._files = out
        else:
            self._files = dict(out)
            out.update(pages)
        self.fresh, self.gone = fresh, gone
        return out

    def _assets(
        self, snapshot: Snapshot, specs: Specs, rescan: bool
    ) -> Iterator[tuple[str, bytes]]:
        """The UI's assets, catalog.js and the catalog's own static files."""
        yield from static_assets().items()
        yield f"{ASSETS}/catalog.js", specs.script
        yield from self.static(Path(snapshot.nodes[""].file).parent, rescan=rescan)

    def _page(self, spec: PageSpec, before: bytes | None, fresh: list[str]) -> bytes | None:
        """The page's bytes: the last ones while its spec is the same (or equal), or None
        when those were not kept (the page is as it was)."""
        cached = self._pages.get(spec.url)
        if cached is not None and (cached[0] is spec or cached[0] == spec):
            if cached[1] is None:
                return None
            return _same_or_fresh(before, cached[1], spec.url, fresh)
        data = render_page(spec)
        self._pages[spec.url] = (spec, data if self.keep_pages else None)
        self.rendered += 1
        return _same_or_fresh(before, data, spec.url, fresh)


def _same_or_fresh(before: bytes | None, data: bytes, name: str, fresh: list[str]) -> bytes:
    """`before` again when `data` equals it (so the writer can tell by identity), else
    `data`, with `name` noted as fresh."""
    if before is data:
        return data
    if before is not None and before == data:
        return before
    fresh.append(name)
    return data
