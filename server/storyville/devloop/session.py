"""One catalog under development: what to rebuild after a change, and publishing results.

The session remembers the last good snapshot and the import graph of the builds that made
it. A change then re-imports, in a fresh interpreter, only the stories modules whose import
closure contains a changed file; every other page keeps the bytes it had, which came from
modules that have not changed since. Anything the graph cannot vouch for (a new or deleted
stories.py, a non-Python file in the package, the catalog root) makes a full build.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from time import perf_counter
from urllib.parse import quote

from storyville.catalog.discovery import StoriesModule, package_dir
from storyville.catalog.ignore import ignored
from storyville.catalog.static import SITE_DIR, STATIC
from storyville.collect import bytecode
from storyville.collect.collector import BuildJob, Collected, structure_errors
from storyville.collect.imports import ImportGraph
from storyville.collect.snapshot import (
    NodeData,
    Snapshot,
    assertion_counts,
    node_assertion_errors,
    story_count,
    warnings_of,
)
from storyville.devloop.builders import Builder
from storyville.results import BuildError, BuildResult, PageReport, ReportsUpdate
from storyville.site.pipeline import skipped_files, summarize
from storyville.site.renderer import SiteRenderer
from storyville.site.reports import page_reports, reports_update
from storyville.site.writer import OutputError, SiteWriter, WriteReport

log = logging.getLogger("storyville.session")


@dataclass(frozen=True, slots=True)
class Plan:
    """What a build will load: every stories module (None) or just these."""

    modules: tuple[str, ...] | None
    reason: str
    static: bool = False  # only static files changed: copy them, import nothing

    @property
    def full(self) -> bool:
        return self.modules is None


@dataclass(frozen=True, slots=True)
class Attempt:
    """A build that ran (or was found unnecessary) and has not been published yet."""

    plan: Plan | None
    collected: Collected | None
    covered: frozenset[str]  # the changed files this build saw
    started: float


@dataclass(slots=True)
class SessionConfig:
    package: str
    search_path: tuple[str, ...]
    roots: tuple[str, ...]
    output: Path
    with_assertions: bool = True
    bytecode_cache: Path | None = field(default_factory=bytecode.default_cache_dir)
    # In a build host: where builds note their step and os._exit its stack; the host's limit.
    activity_fd: int | None = None
    crash_file: str | None = None
    memory_limit: int | None = None
    private_output: bool = False  # `output` is a temporary site only storyville writes to


class DevSession:
    def __init__(self, config: SessionConfig, builder: Builder) -> None:
        self.config = config
        self.builder = builder
        self.package_dir = package_dir(config.package, config.search_path)
        self.snapshot: Snapshot | None = None
        self.graph = ImportGraph()
        self.dirty: set[str] = set()  # files changed since the last good build
        # storyville's own site is on disk: its page bytes need not be kept as well.
        self.renderer = SiteRenderer(keep_pages=not config.private_output)
        self.writer = SiteWriter(config.output, private=config.private_output)
        self.builds = 0
        self.last_result: BuildResult | None = None
        self.on_phase: Callable[[str], None] | None = None
        self.assets: set[str] = set()  # non-Python files in the package at the last good build
        self.found: tuple[StoriesModule, ...] | None = None  # stories.py files, last full build
        self._tops: dict[str, str] = {}  # watched_dirs' memo: file -> its top-level entry
        self._failing: dict[str, tuple[NodeData, tuple[BuildError, ...]]] = {}

    # --- planning ----------------------------------------------------------------------

    def _stories_modules(self) -> dict[str, str]:
        """stories module name -> file, from the last good snapshot."""
        assert self.snapshot is not None
        return {n.module: n.file for n in self.snapshot.nodes.values()}

    def plan(self, changed: set[str]) -> Plan | None:
        """Which stories modules to load for the files changed since the last good build;
        None when no page can depend on them."""
        if self.snapshot is None or not self.builder.incremental:
            return Plan(None, "first build" if self.snapshot is None else "in-process build")
        stories = set(self._stories_modules().values())
        changed_modules: set[str] = set()
        static: list[str] = []
        for file in changed:
            path = Path(file)
            inside = path.is_relative_to(self.package_dir)
            relative = path.relative_to(self.package_dir) if inside else None
            if relative is not None and ignored(relative) and not self.graph.modules_for([file]):
                continue  # discovery never walks there, and no build imported it
            if inside and path.name == "stories.py" and (file not in stories or not path.exists()):
                return Plan(None, f"{path.relative_to(self.package_dir)} was added or removed")
            if (
                inside
                and not path.exists()
                and any(s.startswith(f"{file}{os.sep}") for s in stories)
            ):
                return Plan(None, f"{path.relative_to(self.package_dir)} was removed")
            modules = self.graph.modules_for([file])
            if modules:
                changed_modules |= modules
            elif relative is not None and STATIC in relative.parts[:-1]:
                static.append(relative.name)  # copied by every build; no page imports it
            elif (
                inside
                and path.suffix != ".py"
                # not a temporary file that came and went (an editor's or sed's)
                and (path.exists() or file in self.assets)
            ):
                return Plan(None, f"{path.name} is not Python: pages may read it")
        affected = self.graph.dependents(changed_modules)
        if self.snapshot.nodes[""].module in affected:
            return Plan(None, "the catalog's root stories.py is affected")
        modules = tuple(sorted(set(self._stories_modules()) & affected))
        if modules:
            return Plan(modules, f"{len(modules)} stories module(s) import a change")
        return Plan((), f"static file {', '.join(sorted(static))}", static=True) if static else None

    def job(self, plan: Plan) -> BuildJob:
        cache = self.config.bytecode_cache
        return BuildJob(
            package=self.config.package,
            search_path=self.config.search_path,
            roots=self.config.roots,
            modules=plan.modules,
            with_assertions=self.config.with_assertions,
            record_imports=self.builder.incremental,
            content_keyed_imports=True,
            bytecode_cache=str(cache) if cache else None,
            activity_fd=self.config.activity_fd,
            crash_file=self.config.crash_file,
            memory_limit=self.config.memory_limit,
            known=None if plan.full else self._known(plan.modules or ()),
        )

    def _known(self, modules: tuple[str, ...]) -> tuple[StoriesModule, ...] | None:
        """The stories modules a partial build loads (the root's and `modules`): handed to
        the build interpreter instead of its walking the package, and only those, since
        all of them cost a millisecond a hundred to send there at 3,000 stories."""
        if self.found is None:
            return None
        wanted = set(modules)
        return tuple(m for m in self.found if m.path == "" or m.module in wanted)

    # --- building ----------------------------------------------------------------------

    async def collect(self, changed: set[str], *, full: bool = False) -> Attempt:
        """Build what `changed` (and earlier unpublished changes) affect, in the builder."""
        started = perf_counter()
        self.dirty |= changed
        covered = frozenset(self.dirty)
        plan = Plan(None, "rebuild requested") if full else self.plan(set(covered))
        if plan is None or plan.static:
            return Attempt(plan, None, covered, started)
        log.info("build: %s", plan.reason)
        self._phase(f"building ({plan.reason})")
        self.builder.settle()  # the last build was dropped unpublished: its standby is due
        collected = await asyncio.to_thread(self.builder.collect, self.job(plan))
        known = set(self._stories_modules()) if self.snapshot else set()
        walked = bool(collected.stories_modules)  # a partial build with `known` walks nothing
        if (
            not plan.full
            and not collected.errors
            and walked
            and set(collected.stories_modules) != known
        ):
            plan = Plan(None, "the set of stories.py files changed")
            collected = await asyncio.to_thread(self.builder.collect, self.job(plan))
        return Attempt(plan, collected, covered, started)

    async def publish(self, attempt: Attempt, *, settle: bool = True) -> BuildResult:
        """Make a good build the site; a failed one changes nothing on disk. The next
        build's interpreter warms after that, not beside it (`settle=False`: the caller
        calls `settle()` once it has passed the result on)."""
        try:
            return await self._publish(attempt)
        finally:
            if settle:
                self.settle()

    def settle(self) -> None:
        """The last build is used: start preparing the next one's interpreter."""
        self.builder.settle()

    async def _publish(self, attempt: Attempt) -> BuildResult:
        self.builds += 1
        plan, collected = attempt.plan, attempt.collected
        if plan is not None and plan.static and self.snapshot is not None:
            return self._finish(await self._copy_static(attempt))
        if plan is None or collected is None:  # no page depends on the change
            assert self.snapshot is not None
            self.dirty -= attempt.covered
            return self._finish(_nothing_to_do(self.snapshot, attempt.started))
        timings = dict(collected.timings)
        snapshot = collected.snapshot
        errors = collected.errors
        if not errors and not plan.full:
            assert self.snapshot is not None
            snapshot = self.snapshot.merged(collected.snapshot)
            placed = _placed_anew(self.snapshot, snapshot, collected.snapshot)
            errors = tuple(structure_errors(snapshot, placed))
        if errors:
            timings["total"] = perf_counter() - attempt.started
            failed = replace(collected, errors=errors)
            return self._finish(summarize(failed, self.snapshot or snapshot, None, timings))
        mark = perf_counter()
        self._phase("rendering pages")
        only_python = not plan.full and all(f.endswith(".py") for f in attempt.covered)
        files = await asyncio.to_thread(self.renderer.render, snapshot, rescan=not only_python)
        timings["pages"] = perf_counter() - mark
        mark = perf_counter()
        self._phase("writing the site")
        report = await asyncio.to_thread(self._write, files)
        report = replace(report, changed=self._with_pages_using(files, report.changed))
        timings["write"] = perf_counter() - mark
        self.snapshot = snapshot
        if plan.full:  # a non-Python file that came or went always makes the plan full
            self.assets = await asyncio.to_thread(_package_assets, self.package_dir)
            self.found = collected.found
        if collected.graph is not None:
            self.graph = collected.graph if plan.full else self.graph.merged(collected.graph)
        self.dirty -= attempt.covered
        timings["total"] = perf_counter() - attempt.started
        return self._finish(summarize(collected, snapshot, report, timings))

    async def _copy_static(self, attempt: Attempt) -> BuildResult:
        """Write the site again from the last good snapshot: its pages keep their bytes, the
        static files are read afresh, and the pages that link to a changed one reload."""
        assert self.snapshot is not None
        files = await asyncio.to_thread(self.renderer.render, self.snapshot)
        report = await asyncio.to_thread(self._write, files)
        self.dirty -= attempt.covered
        result = _nothing_to_do(self.snapshot, attempt.started)
        return replace(
            result,
            mode="static",
            pages_written=report.pages,
            pages_changed=self._with_pages_using(files, report.changed),
        )

    def _write(self, files: dict[str, bytes]) -> WriteReport:
        """The renderer's last output, told what changed in it."""
        try:
            return self.writer.write_changes(files, self.renderer.fresh, self.renderer.gone)
        except OutputError:
            self.renderer.reset()  # the writer compares everything next: hand it everything
            raise

    def _with_pages_using(
        self, files: dict[str, bytes], changed: tuple[str, ...]
    ) -> tuple[str, ...]:
        """As `_with_pages_using`, over every page of the site: one the renderer's output
        does not hold is read from the site just written."""

        def pages() -> Iterator[tuple[str, bytes]]:
            for name in sorted(self.renderer.names):
                if not name.endswith(".html"):
                    continue
                data = files.get(name)
                if data is None:
                    try:
                        data = (self.config.output / name).read_bytes()
                    except OSError:
                        continue
                yield name, data

        return _with_pages_using(pages, changed)

    async def start(self) -> None:
        """Begin a dev session here (a build host runs only the builder: its supervisor
        prunes the bytecode cache, once per editor session rather than once per host)."""
        if self.config.bytecode_cache is not None:
            bytecode.prune_in_background(self.config.bytecode_cache)
        self.builder.start()

    async def close(self) -> None:
        await asyncio.to_thread(self.builder.close)

    def mark_dirty(self, path: str) -> None:
        self.dirty.add(path)

    def resume(self) -> None:
        pass  # builds here never stop

    def assertion_errors(self) -> tuple[BuildError, ...]:
        """As `snapshot.assertion_errors`, each node's worked out again only when it was
        rebuilt: a build host sends them after every save."""
        if self.snapshot is None:
            return ()
        kept: dict[str, tuple[NodeData, tuple[BuildError, ...]]] = {}
        errors: list[BuildError] = []
        for path, node in sorted(self.snapshot.nodes.items()):
            last = self._failing.get(path)
            found = last[1] if last is not None and last[0] is node else node_assertion_errors(node)
            kept[path] = (node, found)
            errors += found
        self._failing = kept
        return tuple(errors)

    def page_reports(self) -> tuple[PageReport, ...]:
        return page_reports(self.snapshot) if self.snapshot is not None else ()

    def reports_update(self, sent: dict[str, NodeData]) -> ReportsUpdate:
        """The page reports that changed since `sent` (a build host's, updated in place)."""
        if self.snapshot is None:
            return ReportsUpdate(full=not sent)
        return reports_update(self.snapshot, sent)

    def error_headlines(self, relative_to: str | None = None) -> list[str]:
        """The last build's errors as one line each (the preview's waiting page shows them)."""
        errors = self.last_result.errors if self.last_result else ()
        return [e.headline(relative_to=relative_to) for e in errors]

    def _phase(self, message: str) -> None:
        if self.on_phase is not None:
            self.on_phase(message)

    def _finish(self, result: BuildResult) -> BuildResult:
        self.last_result = result
        log.info("%s", result.summary())
        return result

    async def build(self, changed: set[str] | None = None) -> BuildResult:
        """Collect and publish in one go (no coalescing: the Rebuilder adds that)."""
        return await self.publish(await self.collect(changed or set()))

    def watched_dirs(self) -> set[Path]:
        """What to watch: the package, plus each top-level workspace package (or module file)
        the catalog imported; never a whole workspace root (it may hold .venv/node_modules).
        Each file's top-level entry is worked out once: every save asks (in the host's reply
        before the reload), and the graph holds thousands of files at 3,000 stories."""
        tops = {str(self.package_dir)}
        for file in self.graph.files.values():
            top = self._tops.get(file)
            if top is None:
                top = self._tops[file] = _top_entry(file, self.config.roots)
            if top:
                tops.add(top)
        paths = {Path(t) for t in tops}
        return {p for p in paths if not any(p != q and p.is_relative_to(q) for q in paths)}


def _top_entry(file: str, roots: tuple[str, ...]) -> str:
    """The top-level package directory (or module file) of `file` in the first root it is
    under; "" when it is under none."""
    for root in roots:
        prefix = root.rstrip(os.sep) + os.sep
        if file.startswith(prefix):
            first, sep, _ = file[len(prefix) :].partition(os.sep)
            return prefix + first if sep else file
    return ""


def _package_assets(root: Path) -> set[str]:
    """Files of the package that are not Python (templates, data, static files)."""
    return {
        str(p)
        for p in root.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and not ignored(p.relative_to(root))
    }


def _placed_anew(last: Snapshot, merged: Snapshot, newer: Snapshot) -> set[str] | None:
    """The paths whose place in the tree a save may have changed: with the same tree, the
    nodes it rebuilt (`newer`'s) and their children (a node that became a subject has them
    inside it); None (all of them) when nodes came or went."""
    if merged.nodes.keys() != last.nodes.keys():
        return None
    return {*newer.nodes, *(c.path for p in newer.nodes for c in merged.children_of(p))}


def _with_pages_using(
    pages: Callable[[], Iterable[tuple[str, bytes]]], changed: tuple[str, ...]
) -> tuple[str, ...]:
    """`changed` and the pages that name a changed static file (`static_url()` writes its
    site path into them), so that a browser showing one reloads for a new stylesheet.
    `pages` is called only when a static file changed."""
    prefix = f"{SITE_DIR}/"
    needles = [quote(name).encode() for name in changed if name.startswith(prefix)]
    if not needles:
        return changed
    using = [
        name
        for name, data in pages()
        if name.endswith(".html") and name not in changed and any(n in data for n in needles)
    ]
    return (*changed, *using)


def _nothing_to_do(snapshot: Snapshot, started: float) -> BuildResult:
    passed, failed = assertion_counts(snapshot)
    return BuildResult(
        ok=True,
        warnings=warnings_of(snapshot),
        mode="none",
        skipped=skipped_files(snapshot),
        stories=story_count(snapshot),
        assertions_passed=passed,
        assertions_failed=failed,
        timings={"total": perf_counter() - started},
    )
