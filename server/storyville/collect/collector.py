"""Read and render the user's catalog into plain data.

This is the only code that runs user modules: in a fresh subinterpreter for `serve` and `lsp`,
in-process for `storyville build`. Everything it returns pickles across interpreters.
"""

from __future__ import annotations

import importlib
import io
import linecache
import reprlib
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext, redirect_stderr, redirect_stdout
from dataclasses import dataclass, field, replace
from pathlib import Path
from time import perf_counter
from typing import Any, cast

from markupsafe import Markup

from storyville.catalog.discovery import (
    CatalogNotFound,
    NoFactory,
    StoriesModule,
    StructureError,
    find_stories_modules,
    load_node,
    package_dir,
)
from storyville.catalog.files import UserFiles
from storyville.catalog.models import Catalog, CatalogNode, Section, Story, Subject
from storyville.catalog.source import SourceRef
from storyville.catalog.static import rendering_at
from storyville.collect.imports import ImportGraph, ImportRecorder
from storyville.collect.legacy import provide_tdom_node_names
from storyville.collect.locate import frames_of, locate
from storyville.collect.markup import to_html
from storyville.collect.snapshot import AssertionOutcome, NodeData, NodeKind, Snapshot, StoryData
from storyville.collect.telltale import TailBuffer, activity_notes
from storyville.results import BuildError, ErrorKind, one_per_cause
from storyville.text import encodable, meant, surrogates


class BuildTimedOut(BaseException):
    """Raised into a runaway build by its watchdog.

    A BaseException, so that the user's `except Exception` cannot swallow it.
    """


@dataclass(frozen=True, slots=True)
class BuildJob:
    package: str
    search_path: tuple[str, ...]  # where the package is importable from
    roots: tuple[str, ...]  # workspace roots: the user's files live below them
    modules: tuple[str, ...] | None = None  # stories modules to load; None loads them all
    with_assertions: bool = True
    record_imports: bool = False
    # Import workspace files through the content-keyed loader (exact after quick saves).
    content_keyed_imports: bool = False
    bytecode_cache: str | None = None
    # In a build host: a file descriptor where the build notes what it is doing, so a crash
    # can be reported "while rendering Button › Primary", and a file for os._exit's stack.
    activity_fd: int | None = None
    crash_file: str | None = None
    memory_limit: int | None = None  # bytes; a MemoryError is reported as going over it
    # The stories.py files a partial build loads (the root's and `modules`), as the last
    # full build found them: used instead of walking the package (50 ms at 1,100
    # directories). The session's plan turns a stories.py that came or went into a full build.
    known: tuple[StoriesModule, ...] | None = None
    # False in all but the first shard of a split build (collect/shards.py): each loads the
    # root stories.py, and what it prints is shown once, as one interpreter would.
    root_output: bool = True


@dataclass(frozen=True, slots=True)
class Collected:
    snapshot: Snapshot
    errors: tuple[BuildError, ...] = ()
    graph: ImportGraph | None = None
    libraries: tuple[str, ...] = ()  # non-workspace modules the build imported
    # Every stories module of the catalog, loaded or not, as a walk of the package found
    # them; empty for a partial build given them (`BuildJob.known`).
    stories_modules: tuple[str, ...] = ()
    found: tuple[StoriesModule, ...] = ()  # the same, with their tree paths and files
    timings: dict[str, float] = field(default_factory=dict)
    output: str = ""  # what the catalog printed while it was built
    lingering_threads: int = 0  # threads the catalog started that were still running
    partial: bool = False  # only some stories modules were loaded (BuildJob.modules)


_OUTPUT_LIMIT = 64 * 1024
_props_repr = reprlib.Repr(maxstring=80, maxother=80, maxlist=8, maxdict=8, maxlevel=3)


def humanize(name: str) -> str:
    return name.replace("_", " ").strip().capitalize() or name


def qualified_name(obj: object) -> str | None:
    module = getattr(obj, "__module__", None)
    name = getattr(obj, "__qualname__", None) or type(obj).__qualname__
    return f"{module}.{name}" if module else name


def _story_label(subject_title: str, story_title: str) -> str:
    return f"{subject_title} › {story_title}"


class Unencodable:
    """Which parts of one story or node held lone surrogates, for one warning about it.

    Cleaned here, as the text leaves the user's code, every page, nav entry and message
    made of it encodes; the warning says what was replaced and how to write it instead.
    """

    def __init__(self) -> None:
        self.found: dict[str, list[str]] = {}  # "the title" -> the runs of surrogates in it

    def clean[T](self, value: T, what: str) -> T:
        if not isinstance(value, str) or not (runs := surrogates(value)):
            return value
        self.found.setdefault(what, []).extend(runs)
        return cast(T, encodable(value))

    def warning(self, label: str, where: SourceRef | None, module: str) -> BuildError | None:
        if not self.found:
            return None
        parts = list(self.found)
        named = " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)
        runs = list(dict.fromkeys(r for found in self.found.values() for r in found))
        shown = ", ".join(repr(r) for r in runs[:3]) + (", …" if len(runs) > 3 else "")
        what = "a lone surrogate" if sum(map(len, runs)) == 1 else "lone surrogates"
        message = (
            f"{label}: {named} {'holds' if len(parts) == 1 else 'hold'} {shown}, "
            f"{what} that no page can encode; pages show U+FFFD (\ufffd) instead"
        )
        if pairs := [(r, m) for r in runs if len(r) > 1 and (m := meant(r)) is not None]:
            run, character = pairs[0]
            message += f" ({run!r} is a UTF-16 pair: write {character!r} or {character!a})"
        return BuildError(ErrorKind.UNENCODABLE, message, where, module=module)


def render_story(story: Story, target: Callable[..., Any] | None) -> tuple[str, str | None]:
    """The story's HTML (its template, else `target(**props)`, called again if callable)
    and the qualified name of what rendered it."""
    if story.template is not None:
        return to_html(story.template()), qualified_name(story.template)
    if target is None:
        raise TypeError("the story has no template and its subject has no target")
    result = target(**story.props)
    if callable(result):
        result = result()
    return to_html(result), qualified_name(target)


class _Renderer:
    """Renders one catalog's stories, collecting errors instead of stopping at the first."""

    def __init__(
        self,
        package: str,
        user: UserFiles,
        with_assertions: bool,
        note: Callable[[str], None] = lambda _: None,
    ) -> None:
        self.note = note
        self.package = package
        self.user = user
        self.with_assertions = with_assertions
        self.errors: list[BuildError] = []
        self.warnings: list[BuildError] = []  # of the node being rendered
        self.themed_layout: Callable[..., Any] | None = None

    def fail(self, exc: BaseException, **where: Any) -> None:
        if isinstance(exc, BuildTimedOut | KeyboardInterrupt):
            raise exc
        error = locate(exc, self.user, **where)
        if error not in self.errors:
            self.errors.append(error)

    def node(self, stories: StoriesModule, node: CatalogNode, where: SourceRef) -> NodeData:
        text = Unencodable()
        title = text.clean(
            node.title or humanize(stories.path.rsplit(".", 1)[-1] or self.package), "the title"
        )
        description = text.clean(getattr(node, "description", None), "the description")
        own = text.warning(f"{type(node).__name__} {title!r}", where, stories.module)
        self.warnings = [own] if own else []
        base = {
            "path": stories.path,
            "module": stories.module,
            "file": stories.file,
            "source": where,
            "title": title,
        }
        match node:
            case Catalog():
                data = NodeData(
                    kind=NodeKind.CATALOG, themed=node.themed_layout is not None, **base
                )
            case Section():
                data = NodeData(kind=NodeKind.SECTION, description=description, **base)
            case Subject():
                stories_data = self.stories(stories, node, title, where)
                data = NodeData(
                    kind=NodeKind.SUBJECT,
                    description=description,
                    component=qualified_name(node.target) if node.target else None,
                    stories=stories_data,
                    **base,
                )
        return replace(data, warnings=tuple(self.warnings)) if self.warnings else data

    def stories(
        self, stories: StoriesModule, subject: Subject, title: str, where: SourceRef
    ) -> tuple[StoryData, ...]:
        items = subject.items
        if not isinstance(items, list | tuple) or not all(isinstance(s, Story) for s in items):
            self.fail(
                StructureError(f"Subject {title!r}: items must be a list of Story", where),
                module=stories.module,
            )
            return ()
        rendered = []
        for index, story in enumerate(items):
            text = Unencodable()
            story_title = text.clean(story.title, "the title") or f"Story {index + 1}"
            label = _story_label(title, story_title)
            target = story.target or subject.target
            source = story.source or where
            if story.template is None and target is None:
                self.fail(
                    StructureError(
                        f"{label}: the story has no template and subject {title!r} has no target",
                        source,
                    ),
                    module=stories.module,
                )
                continue
            try:
                self.note(f"rendering {label}")
                with rendering_at(Path(stories.file).parent, stories.path):  # for static_url()
                    rendered.append(self.story(index, story, story_title, target, label, text=text))
            except BaseException as exc:  # noqa: BLE001 - any failure of user code is reported
                self.fail(exc, module=stories.module, story=label, fallback=source)
            if (warning := text.warning(label, source, stories.module)) is not None:
                self.warnings.append(warning)
        return tuple(rendered)

    def story(
        self,
        index: int,
        story: Story,
        title: str,
        target: Callable[..., Any] | None,
        label: str,
        *,
        text: Unencodable,
    ) -> StoryData:
        html, renders = render_story(story, target)
        themed = None
        if self.themed_layout is not None:
            themed = to_html(self.themed_layout(story_title=title, children=Markup(html)))
        return StoryData(
            index=index,
            title=title,
            html=text.clean(html, "the HTML"),
            description=text.clean(story.description, "the description"),
            props=tuple(
                (text.clean(str(k), "the props"), text.clean(_props_repr.repr(v), "the props"))
                for k, v in story.props.items()
            ),
            themed_html=text.clean(themed, "the themed page"),
            assertions=self.assertions(story, Markup(html), label),  # they see it uncleaned
            source=story.source,
            renders=renders,
        )

    def assertions(self, story: Story, html: Markup, label: str) -> tuple[AssertionOutcome, ...]:
        if not self.with_assertions:
            return ()
        outcomes = []
        for number, check in enumerate(story.assertions, start=1):
            name = encodable(str(getattr(check, "__name__", "")))
            name = name if name and name != "<lambda>" else f"Assertion {number}"
            try:
                check(html)
            except AssertionError as exc:
                outcomes.append(self._failed(name, exc, "assertion failed"))
            except BaseException as exc:
                if isinstance(exc, BuildTimedOut | KeyboardInterrupt):
                    raise
                outcomes.append(self._failed(name, exc, f"{type(exc).__name__} in {label}"))
            else:
                outcomes.append(AssertionOutcome(name, passed=True))
        return tuple(outcomes)

    def _failed(self, name: str, exc: BaseException, default: str) -> AssertionOutcome:
        text = encodable(str(exc)).strip().splitlines()
        message = text[0] if text else default
        if not isinstance(exc, AssertionError):
            message = f"{type(exc).__name__}: {message}"
        frames = [f for f in frames_of(exc) if f.file in self.user]
        where = (
            SourceRef(frames[-1].file, frames[-1].line, frames[-1].column or 0) if frames else None
        )
        return AssertionOutcome(name, passed=False, message=message, source=where)


def structure_errors(snapshot: Snapshot, only: Iterable[str] | None = None) -> list[BuildError]:
    """Problems with the shape of a (complete) tree: where each kind of node may sit.

    `only`: the paths whose place may have changed (after a save that kept the tree, the
    nodes it replaced and their children: the rest passed when they were published)."""
    errors = []
    root = snapshot.nodes.get("")
    paths = sorted(snapshot.nodes) if only is None else sorted(set(only) & snapshot.nodes.keys())
    if root is not None and "" in paths and root.kind is not NodeKind.CATALOG:
        errors.append(
            BuildError(
                ErrorKind.STRUCTURE,
                f"the package's root stories.py must return a Catalog (this_catalog()), "
                f"not a {root.kind.capitalize()}",
                root.source or SourceRef(root.file, 1),
            )
        )
    for path in paths:
        if not path:
            continue
        node = snapshot.nodes[path]
        where = node.source or SourceRef(node.file, 1)
        parent_path = snapshot.parent_of(path)
        parent = snapshot.nodes[parent_path] if parent_path is not None else None
        if node.kind is NodeKind.CATALOG:
            message = "a Catalog belongs only in the package's root stories.py; return a Section"
            errors.append(BuildError(ErrorKind.STRUCTURE, message, where))
        elif parent is not None and parent.kind is NodeKind.SUBJECT:
            message = (
                f"{node.kind.capitalize()} {node.title!r} sits inside subject {parent.title!r} "
                f"({parent.file}); a subject cannot contain other nodes"
            )
            errors.append(BuildError(ErrorKind.STRUCTURE, message, where))
    return errors


def _check_imported_from(package: str, root: Path) -> None:
    """The package Python imports must be the directory we walked, not another copy."""
    try:
        imported = importlib.import_module(package)
    except Exception:  # noqa: BLE001 - its stories modules will report the error, located
        return
    locations = [Path(p).resolve() for p in getattr(imported, "__path__", [])]
    if locations and root.resolve() not in locations:
        raise CatalogNotFound(
            f"{package!r} imports from {locations[0]}, not {root}: another copy comes "
            "earlier on sys.path (check PYTHONPATH)"
        )


def _forget_directory_listings() -> None:
    """Files may have appeared since the path finders listed their directories.

    `importlib.invalidate_caches()` would do it too, but it imports importlib.metadata
    (5 ms) in every fresh interpreter, which is every build.
    """
    for finder in list(sys.path_importer_cache.values()):
        if (forget := getattr(finder, "invalidate_caches", None)) is not None:
            forget()


def _load(
    stories: StoriesModule, renderer: _Renderer, note: Callable[[str], None]
) -> tuple[CatalogNode, SourceRef] | type[NoFactory] | None:
    """The module's node; NoFactory for a module below the root that defines none (skipped,
    as Storyville 0.1 did); None when it failed (the error is recorded)."""
    try:
        note(f"importing {stories.module}")
        return load_node(stories)
    except NoFactory as exc:
        if stories.path:  # the root must say what the catalog is
            return NoFactory
        renderer.fail(exc, module=stories.module, fallback=SourceRef(stories.file, 1))
    except BaseException as exc:  # noqa: BLE001 - reported as a located error
        renderer.fail(exc, module=stories.module, fallback=SourceRef(stories.file, 1))
    return None


@contextmanager
def _unheard() -> Iterator[None]:
    """What the root stories.py prints in the second shard on is already in the first's."""
    sink = io.StringIO()
    with redirect_stdout(sink), redirect_stderr(sink):
        yield


def collect(job: BuildJob) -> Collected:
    """Import the catalog's stories modules, assemble the tree and render every story."""
    started = perf_counter()
    linecache.checkcache()
    for entry in reversed(job.search_path):  # first, even if already on the path further down
        if entry in sys.path:
            sys.path.remove(entry)
        sys.path.insert(0, entry)
    if job.content_keyed_imports:
        from storyville.collect import bytecode  # only the dev loop needs it

        cache = Path(job.bytecode_cache) if job.bytecode_cache else None
        bytecode.install(job.roots, cache)
    _forget_directory_listings()
    provide_tdom_node_names()
    before = set(sys.modules)
    user = UserFiles.for_roots(job.roots)
    root = package_dir(job.package, (*job.search_path, *sys.path))
    partial = job.modules is not None and job.known is not None
    everything = list(job.known or ()) if partial else find_stories_modules(job.package, root)
    wanted = everything
    if job.modules is not None:
        chosen = set(job.modules)
        wanted = [m for m in everything if m.path == "" or m.module in chosen]
    _check_imported_from(job.package, root)
    note = activity_notes(job.activity_fd)
    renderer = _Renderer(job.package, user, job.with_assertions, note)
    recorder = ImportRecorder() if job.record_imports else None
    loaded: list[tuple[StoriesModule, CatalogNode, SourceRef]] = []
    skipped: list[str] = []
    printed = TailBuffer(_OUTPUT_LIMIT)
    # Never let the catalog write to this process's stdout: for `storyville lsp` that is
    # the protocol channel. What it prints is returned and shown as build output.
    with recorder or nullcontext(), redirect_stdout(printed), redirect_stderr(printed):
        for stories in wanted:
            with _unheard() if not job.root_output and stories.path == "" else nullcontext():
                node_where = _load(stories, renderer, note)
            if node_where is None:
                continue
            if not isinstance(node_where, tuple):  # NoFactory
                skipped.append(stories.path)
                continue
            node, where = node_where
            loaded.append((stories, node, where))
            if stories.path == "" and isinstance(node, Catalog):
                renderer.themed_layout = node.themed_layout
        read_done = perf_counter()
        nodes = {
            stories.path: renderer.node(stories, node, where) for stories, node, where in loaded
        }
    render_done = perf_counter()
    note("")
    snapshot = Snapshot(job.package, nodes, skipped=tuple(skipped))
    files = {m.module: m.file for m in everything}
    errors = [e.placed(files) for e in renderer.errors]
    if job.modules is None and not errors:
        errors.extend(structure_errors(snapshot))
    libraries = tuple(
        sorted(
            name
            for name, module in list(sys.modules.items())
            if name not in before and getattr(module, "__file__", None) not in user
        )
    )
    return Collected(
        snapshot=snapshot,
        errors=one_per_cause(errors),
        graph=recorder.graph(user) if recorder else None,
        libraries=libraries,
        # A partial build's `known` is the session's own list: not worth sending back.
        stories_modules=() if partial else tuple(m.module for m in everything),
        found=() if partial else tuple(everything),
        timings={"read": read_done - started, "render": render_done - read_done},
        output=encodable(printed.getvalue()),
        partial=job.modules is not None,
    )
