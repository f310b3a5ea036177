"""`storyville serve` with a chosen way of rebuilding, for benchmarks/hot_reload.py.

Usage: python benchmarks/serve_variant.py VARIANT PACKAGE  (cwd: the workspace)

"storyville" and "storyville-fresh-process" are the product: builds in a supervised build
host process. The others build inside the serve process itself (DevSession with a builder),
as storyville did before the build host, or as the baselines it is measured against do.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyville.devloop.builders import Builder, SubinterpreterBuilder
from storyville.devloop.protocols import CatalogSession
from storyville.devloop.session import DevSession, SessionConfig
from storyville.host.protocol import HostConfig
from storyville.serve.command import ServeOptions, run
from storyville.supervisor.session import HostSession

from benchmarks.baselines import FreshProcessBuilder, InProcessBuilder, ReusedInterpreterBuilder


def builder_for(variant: str) -> Builder:
    match variant:
        case "in-process-pool":
            return SubinterpreterBuilder()
        case "in-process-pool-no-prewarm":
            return SubinterpreterBuilder(prewarm_libraries=False)
        case "in-process":
            return InProcessBuilder()
        case "fresh-process":
            return FreshProcessBuilder()
        case "reused-interpreter":
            return ReusedInterpreterBuilder()
    raise SystemExit(f"unknown variant {variant!r}")


def session_for(variant: str, options: ServeOptions, site: Path) -> CatalogSession:
    if variant in ("storyville", "storyville-fresh-process"):
        config = HostConfig(
            options.package,
            options.search_path,
            options.search_path,
            site,
            use_subinterpreters=variant == "storyville",
            private_output=True,  # as `storyville serve` without --output: its own temp site
        )
        return HostSession(config)
    config = SessionConfig(
        options.package, options.search_path, options.search_path, site, private_output=True
    )
    return DevSession(config, builder_for(variant))


def main() -> int:
    variant, package = sys.argv[1], sys.argv[2]
    options = ServeOptions(package=package, search_path=(str(Path.cwd()),), port=0)
    site = Path(tempfile.mkdtemp(prefix="storyville-bench-"))
    try:
        return asyncio.run(run(options, site, session_for(variant, options, site)))
    finally:
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
