"""`storyville serve` with a chosen way of rebuilding, for benchmarks/hot_reload.py.

Usage: python benchmarks/serve_variant.py VARIANT PACKAGE  (cwd: the workspace)
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyville.devloop.builders import (
    Builder,
    InProcessBuilder,
    SubinterpreterBuilder,
)
from storyville.serve.command import ServeOptions, run

from benchmarks.baselines import FreshProcessBuilder, ReusedInterpreterBuilder


def builder_for(variant: str) -> Builder:
    match variant:
        case "storyville":
            return SubinterpreterBuilder()
        case "storyville-no-prewarm":
            return SubinterpreterBuilder(prewarm_libraries=False)
        case "in-process":
            return InProcessBuilder()
        case "fresh-process":
            return FreshProcessBuilder()
        case "reused-interpreter":
            return ReusedInterpreterBuilder()
    raise SystemExit(f"unknown variant {variant!r}")


def main() -> int:
    variant, package = sys.argv[1], sys.argv[2]
    options = ServeOptions(package=package, search_path=(str(Path.cwd()),), port=0)
    site = Path(tempfile.mkdtemp(prefix="storyville-bench-"))
    try:
        return asyncio.run(run(options, site, builder_for(variant)))
    finally:
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
