"""A full build split over several build interpreters, and their results merged back.

Pure data, on the host side: no user code runs here. Each shard loads a contiguous run of
the stories modules (in discovery order, balanced by file size, so a section's subjects and
the components they share mostly land in one interpreter) plus the root catalog module,
which every shard needs for the catalog's themed layout. The merged `Collected` is what one
interpreter would have returned: the same snapshot (nodes in discovery order), the same
errors once `one_per_cause` has joined the shards' stories, the structure checks that a
partial build skips run on the whole tree.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from functools import reduce
from pathlib import Path

from storyville.catalog.discovery import (
    CatalogNotFound,
    StoriesModule,
    find_stories_modules,
    package_dir,
)
from storyville.collect.collector import BuildJob, Collected, structure_errors
from storyville.collect.imports import ImportGraph
from storyville.collect.snapshot import Snapshot
from storyville.results import one_per_cause

# Stories modules a shard needs to pay for its interpreter: starting one and importing tdom
# and storyville in it is ~90 ms of CPU, and each module ~0.7 ms to import and render, so a
# second interpreter wins only from ~250 modules (measured: 300 stories, 111 modules, built
# in 0.26 s in one interpreter and 0.33 s split in two; even at 1,000 stories).
MIN_PER_SHARD = 128


def _weight(module: StoriesModule) -> int:
    try:
        return Path(module.file).stat().st_size + 256  # a module's fixed cost, even when empty
    except OSError:
        return 256


def split(
    found: Sequence[StoriesModule], count: int, *, min_per_shard: int | None = None
) -> list[tuple[str, ...]]:
    """The stories modules below the root in `count` contiguous runs of about equal weight;
    fewer when there are fewer than `min_per_shard` modules a run."""
    modules = [m for m in found if m.path]
    least = max(1, MIN_PER_SHARD if min_per_shard is None else min_per_shard)
    count = max(1, min(count, len(modules) // least))
    if count == 1:
        return [tuple(m.module for m in modules)]
    weights = [_weight(m) for m in modules]
    total = sum(weights)
    shards: list[list[str]] = [[] for _ in range(count)]
    done = 0
    for module, weight in zip(modules, weights, strict=True):
        # the run whose share of the total the module's midpoint falls in
        index = min(count - 1, (2 * done + weight) * count // (2 * total))
        shards[index].append(module.module)
        done += weight
    return [tuple(shard) for shard in shards if shard]


def catalog_modules(package: str, search_path: Sequence[str]) -> list[StoriesModule] | None:
    """The catalog's stories modules, found without importing it; None if there is none."""
    try:
        return find_stories_modules(package, package_dir(package, (*search_path, *sys.path)))
    except CatalogNotFound:
        return None  # the build reports it


def useful_interpreters(package: str, search_path: Sequence[str], count: int) -> int:
    """How many of `count` interpreters a full build of the catalog would split over."""
    found = catalog_modules(package, search_path) if count > 1 else None
    return len(split(found, count)) if found else 1


def shard_jobs(job: BuildJob, found: Sequence[StoriesModule], count: int) -> list[BuildJob]:
    """The jobs of a split full build; one job (the full build itself) when it is not worth it."""
    parts = split(found, count)
    if len(parts) <= 1:
        return [job]
    known = tuple(found)
    return [
        replace(job, modules=part, known=known, root_output=index == 0)
        for index, part in enumerate(parts)
    ]


def merge(package: str, found: Sequence[StoriesModule], parts: Sequence[Collected]) -> Collected:
    """One interpreter's `Collected` from its shards' (in shard order)."""
    order = {m.path: index for index, m in enumerate(found)}
    nodes = {}
    for part in parts:
        nodes.update(part.snapshot.nodes)
    skipped = {p for part in parts for p in part.snapshot.skipped}
    snapshot = Snapshot(
        package,
        dict(sorted(nodes.items(), key=lambda item: order.get(item[0], len(order)))),
        skipped=tuple(sorted(skipped, key=lambda p: order.get(p, len(order)))),
    )
    errors = one_per_cause(e for part in parts for e in part.errors)
    if not errors:
        errors = one_per_cause(structure_errors(snapshot))
    graphs = [part.graph for part in parts]
    graph = (
        None
        if any(g is None for g in graphs)
        else reduce(ImportGraph.merged, (g for g in graphs if g is not None), ImportGraph())
    )
    timings: dict[str, float] = {}
    for part in parts:  # the shards ran at once: each phase took as long as the slowest
        for key, seconds in part.timings.items():
            timings[key] = max(timings.get(key, 0.0), seconds)
    return Collected(
        snapshot=snapshot,
        errors=errors,
        graph=graph,
        libraries=tuple(sorted({name for part in parts for name in part.libraries})),
        stories_modules=tuple(m.module for m in found),
        found=tuple(found),
        timings=timings,
        output="".join(part.output for part in parts),
        lingering_threads=sum(part.lingering_threads for part in parts),
    )
