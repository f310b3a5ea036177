"""Settings changed while the language server runs (issue 12 item 12), over stdio.

For each live setting, the time from sending `workspace/didChangeConfiguration` to the new
value in effect, on the small shop catalog of the tests:

- logLevel: until the server's next log message at the new level ("settings applied");
- timeLimit, memoryLimitMb: until the build host has them ("settings applied"), and then
  a save of a component that sleeps for 4 s: the build stops at the new 1 s limit;
- withAssertions: until the rebuild with or without assertions has finished (a new host).

Usage: python -m benchmarks.settings_change [-n 5]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lsprotocol import types

from benchmarks.stats import median, table
from tests.lsp_harness import lsp_session, save
from tests.test_lsp import BUILD, BUTTON, first_build, write_catalog

SLOW = BUTTON.replace(
    "def Button(label: str = LABEL):\n",
    "def Button(label: str = LABEL):\n    __import__('time').sleep(4)\n",
)


async def applied(client: Any, after: int) -> str:
    while True:
        for message in client.log_messages[after:]:
            if message.message.startswith("settings applied"):
                return message.message
        await asyncio.sleep(0.002)


async def change(client: Any, settings: dict[str, Any]) -> float:
    """Seconds from the notification to the server's "settings applied"."""
    logs = len(client.log_messages)
    started = time.perf_counter()
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"storyville": settings})
    )
    await applied(client, logs)
    return time.perf_counter() - started


async def run(n: int) -> list[list[object]]:
    samples: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        button = write_catalog(root) / "widgets/button/button.py"
        async with lsp_session(root, {"package": "shop"}) as (client, inbox):
            await first_build(inbox)
            for _ in range(n):
                quiet = {"storyville": {"logLevel": "error"}}  # "settings applied" unsent
                client.workspace_did_change_configuration(
                    types.DidChangeConfigurationParams(settings=quiet)
                )
                samples.setdefault("logLevel error → log: log messages", []).append(
                    await change(client, {"logLevel": "log"})
                )
                samples.setdefault("timeLimit → sent to the build host", []).append(
                    await change(client, {"timeLimit": 1})
                )
                builds = inbox.mark(BUILD)
                started = time.perf_counter()
                save(client, button, SLOW)
                stopped = await inbox.next(BUILD, after=builds)
                assert [e.kind for e in stopped.errors] == ["timeout"], stopped
                samples.setdefault("timeLimit 1 s → the next build stopped", []).append(
                    time.perf_counter() - started
                )
                await change(client, {"timeLimit": 30})
                builds = inbox.mark(BUILD)
                save(client, button, BUTTON)
                assert (await inbox.next(BUILD, after=builds)).ok
                samples.setdefault("memoryLimitMb → sent to the build host", []).append(
                    await change(client, {"memoryLimitMb": 2048})
                )
                await change(client, {"memoryLimitMb": 4096})
                for on in (False, True):
                    builds = inbox.mark(BUILD)
                    started = time.perf_counter()
                    client.workspace_did_change_configuration(
                        types.DidChangeConfigurationParams(
                            settings={"storyville": {"withAssertions": on}}
                        )
                    )
                    await inbox.next(BUILD, after=builds)
                    samples.setdefault("withAssertions → rebuilt", []).append(
                        time.perf_counter() - started
                    )
    return [[name, len(s), median(s) * 1000, max(s) * 1000] for name, s in samples.items()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=5)
    rows = asyncio.run(run(parser.parse_args().n))
    print(table(["didChangeConfiguration → in effect", "n", "median ms", "max ms"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
