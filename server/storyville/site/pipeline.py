"""A whole build in this process: collect, render the site, write it (`storyville build`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from time import perf_counter

from storyville.collect.collector import BuildJob, Collected, collect
from storyville.collect.shards import useful_interpreters
from storyville.collect.snapshot import (
    Snapshot,
    assertion_counts,
    assertion_errors,
    story_count,
    warnings_of,
)
from storyville.pool.pool import InterpreterPool, cores
from storyville.results import BuildResult
from storyville.site.renderer import SiteRenderer
from storyville.site.writer import SiteWriter, WriteReport

_NO_LIMIT = 7 * 24 * 3600.0  # `storyville build` runs as long as the catalog takes


def skipped_files(snapshot: Snapshot) -> tuple[str, ...]:
    """`forms/stories.py` for each skipped module, as a user finds it in the package."""
    return tuple("/".join((*path.split("."), "stories.py")) for path in snapshot.skipped)


def summarize(
    collected: Collected,
    snapshot: Snapshot,
    report: WriteReport | None,
    timings: dict[str, float],
) -> BuildResult:
    passed, failed = assertion_counts(snapshot)
    return BuildResult(
        ok=report is not None and not collected.errors,
        errors=collected.errors,
        warnings=warnings_of(snapshot),
        mode="partial" if collected.partial else "full",
        pages_written=report.pages if report else 0,
        pages_changed=report.changed if report else (),
        stories=story_count(snapshot),
        assertions_passed=passed,
        assertions_failed=failed,
        timings=timings,
        output=collected.output,
        skipped=skipped_files(snapshot),
    )


def _collect_split(job: BuildJob, pool: InterpreterPool) -> Collected | None:
    """The catalog collected by subinterpreters at once; None when it does not split."""
    if pool.parallel < 2:
        return None
    pool.start()
    return pool.build(job)


def build(
    package: str,
    output: Path,
    *,
    search_path: tuple[str, ...],
    with_assertions: bool = True,
    strict: bool = False,
    interpreters: int | None = None,
) -> BuildResult:
    """Build once; a failed build leaves `output` as it was.

    A catalog big enough is split over `interpreters` subinterpreters running at once (by
    default one a core); else, and whenever the split build fails, it is built in this
    interpreter, which reports errors and output exactly as a one-interpreter build does
    (and loads C extensions that cannot load in a subinterpreter).
    """
    started = perf_counter()
    job = BuildJob(package, search_path, roots=search_path, with_assertions=with_assertions)
    count = cores() if interpreters is None else interpreters
    pool = InterpreterPool(
        time_limit=_NO_LIMIT,
        prewarm_libraries=False,
        parallel=useful_interpreters(package, search_path, count),
        keep_standby=False,
    )
    try:
        # Used interpreters close in the background while the pages render.
        return _build(job, pool, output, started, strict=strict)
    finally:
        pool.close()


def _build(
    job: BuildJob, pool: InterpreterPool, output: Path, started: float, *, strict: bool
) -> BuildResult:
    collected = _collect_split(job, pool)
    if collected is None or collected.errors:
        collected = collect(job)
    timings = dict(collected.timings)
    if strict and not collected.errors:
        collected = replace(collected, errors=assertion_errors(collected.snapshot))
    if collected.errors:
        timings["total"] = perf_counter() - started
        return summarize(collected, collected.snapshot, None, timings)
    site_started = perf_counter()
    # A new site is written while its pages render; an existing one once all have rendered.
    report = SiteWriter(output).write(SiteRenderer().files(collected.snapshot))
    done = perf_counter()
    timings["pages+write"] = done - site_started
    timings["total"] = done - started
    return summarize(collected, collected.snapshot, report, timings)
