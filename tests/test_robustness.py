"""A build that raises, exits, recurses or never returns never takes `serve` down."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import REPO, lab
from tests.serving import ReloadClient, ServeProcess, canvas

GOOD = "from tdom import html\n\ndef Widget():\n    return html(t'<p>fine</p>')\n"


@pytest.fixture
def running(tmp_path: Path) -> Iterator[tuple[ServeProcess, Path]]:
    catalog = lab(tmp_path, {"widget": (GOOD, "Widget")})
    server = ServeProcess(tmp_path, catalog.package, ("--time-limit", "2")).start()
    assert "<p>fine</p>" in canvas(server, "parts/widget/0.html")
    yield server, catalog.dir / "parts/widget/comp.py"
    assert server.stop() == 0


BREAKAGES = {
    "raises": (
        "def Widget():\n    raise RuntimeError('kaput')\n",
        r"comp.py:2:\d+: RuntimeError: kaput \(while rendering Widget › Story 1\)",
    ),
    "exits": ("import sys\nsys.exit(3)\n", r"comp.py:2:\d+: the build called sys.exit\(3\)"),
    "recurses": ("def Widget():\n    return Widget()\n", r"comp.py:2:\d+: RecursionError"),
    "loops forever": (
        "def Widget():\n    while True:\n        pass\n",
        r"comp.py:\d:\d+: the build took longer than 2 s and was stopped",
    ),
    "blocks in C": (
        "import time\n\ndef Widget():\n    time.sleep(3600)\n",
        r"took longer than 2 s and could not be stopped .*abandoned",
    ),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
async def test_server_survives_and_recovers(running, breakage: str) -> None:
    server, component = running
    source, reported = BREAKAGES[breakage]
    mark = server.mark()
    component.write_text(source)
    server.wait_for(reported, after=mark)
    assert "<p>fine</p>" in canvas(server, "parts/widget/0.html")  # the last good build stays
    async with ReloadClient(server.url) as client:
        component.write_text(GOOD.replace("fine", "fixed"))
        await client.reload()
    assert "<p>fixed</p>" in canvas(server, "parts/widget/0.html")


def test_port_in_use_is_one_clear_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "storyville", "serve", "examples.minimal", "--port", str(port)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    assert f"port {port} on 127.0.0.1 is already in use" in done.stderr
    assert "Traceback" not in done.stderr
