"""A preview server in a process of its own, for tests that lower its descriptor limit.

`python -m tests.preview_child SITE NOFILE [CONNECTIONS]` lowers RLIMIT_NOFILE to NOFILE
(and the connection cap to CONNECTIONS if given), prints the port, then for each line read
on stdin broadcasts a reload and prints how many pages got it; it stops at the end of stdin.
Everything it logs goes to stderr, which the tests measure.
"""

from __future__ import annotations

import asyncio
import logging
import resource
import sys
from pathlib import Path

from storyville.preview.server import Limits, PreviewServer


async def main(site: Path, nofile: int, connections: int | None) -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))
    limits = Limits() if connections is None else Limits(connections=connections)
    server = PreviewServer(site, port=0, limits=limits)
    await server.start()
    print(server.port, flush=True)
    loop = asyncio.get_running_loop()
    builds = 0
    while await loop.run_in_executor(None, sys.stdin.readline):
        builds += 1
        print(await server.hub.reload(["index.html"], builds), flush=True)
    await server.stop()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    site, nofile, *rest = sys.argv[1:]
    asyncio.run(main(Path(site), int(nofile), int(rest[0]) if rest else None))
