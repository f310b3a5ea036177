"""What a build host death costs: from the crash to a warm host again, and to the next build.

On a copy of examples.huge, a HostSession (the supervisor `lsp` and `serve` use) builds,
then a component segfaults N times; each time the script times (a) the crash build itself,
(b) from the crash report until the replacement host is warm (its first interpreter
pre-warmed), and (c) the next good build, a full one since the new host has no snapshot.
Baseline in the same run: the first start of a host. Usage: python -m benchmarks.host_restart
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
from pathlib import Path
from time import perf_counter

from storyville.host.protocol import HostConfig
from storyville.supervisor.session import HostSession

from benchmarks.stats import median, p95, table

REPO = Path(__file__).resolve().parent.parent
COMPONENT = "examples/huge/forms/button/button.py"


async def run(count: int) -> list[list[object]]:
    work = Path(tempfile.mkdtemp(prefix="storyville-restart-"))
    try:
        shutil.copytree(REPO / "examples", work / "examples")
        component = work / COMPONENT
        good = component.read_text()
        crashing = "import ctypes\nctypes.string_at(0)\n" + good
        site = work / "site"
        config = HostConfig("examples.huge", (str(work),), (str(work),), site)
        session = HostSession(config, on_output=lambda _: None, on_notice=lambda _: None)
        started = perf_counter()
        await session.start()
        first_start = perf_counter() - started
        await session.publish(await session.collect(set()))
        crash, warm, rebuild = [], [], []
        for n in range(count):
            component.write_text(crashing + f"# {n}\n")
            mark = perf_counter()
            result = await session.publish(await session.collect({str(component)}))
            assert not result.ok and "segmentation fault" in result.errors[0].message
            crash.append(perf_counter() - mark)
            mark = perf_counter()
            assert session._spawning is not None
            await session._spawning  # the replacement, warming since the crash was reported
            warm.append(perf_counter() - mark)
            component.write_text(good + f"# {n}\n")
            mark = perf_counter()
            result = await session.publish(await session.collect({str(component)}))
            assert result.ok, result.errors
            rebuild.append(perf_counter() - mark)
            session.crashes_in_a_row = 0
        await session.close()
        ms = 1000
        return [
            ["first start of a host (baseline)", first_start * ms, "-", "1.0x"],
            ["build that crashes the host", median(crash) * ms, p95(crash) * ms, "-"],
            [
                "crash reported → new host warm",
                median(warm) * ms,
                p95(warm) * ms,
                f"{median(warm) / first_start:.2f}x",
            ],
            ["next good build (full)", median(rebuild) * ms, p95(rebuild) * ms, "-"],
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=10, help="crashes")
    args = parser.parse_args()
    rows = asyncio.run(run(args.n))
    print(f"build host restart on examples.huge, {args.n} crashes (ms)\n")
    print(table(["step", "median", "p95", "vs first start"], rows))


if __name__ == "__main__":
    main()
