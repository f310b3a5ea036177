"""A build that raises, exits, recurses or never returns never takes `serve` down."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import REPO, lab
from tests.serving import ReloadClient, ServeProcess, canvas, descendants, threads

GOOD = "from tdom import html\n\ndef Widget():\n    return html(t'<p>fine</p>')\n"


@pytest.fixture
def running(tmp_path: Path) -> Iterator[tuple[ServeProcess, Path]]:
    catalog = lab(tmp_path, {"widget": (GOOD, "Widget")})
    server = ServeProcess(
        tmp_path, catalog.package, ("--time-limit", "2", "--memory-limit", "1G")
    ).start()
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
        r"comp.py:4:\d+: the build took longer than 2 s and was stopped",
    ),
    "spins in a regex": (
        "import re\n\ndef Widget():\n    re.match(r'(a+)+$', 'a' * 64 + 'b')\n",
        r"comp.py:4:\d+: the build took longer than 2 s and was stopped",
    ),
    "segfaults": (
        "import ctypes\n\ndef Widget():\n    ctypes.string_at(0)\n",
        r"comp.py:4:\d+: build crashed: segmentation fault \(SIGSEGV\) while rendering "
        r"Widget › Story 1 — cat_\w+/parts/widget/comp.py:4",
    ),
    "calls os._exit": (
        "import os\n\ndef Widget():\n    os._exit(3)\n",
        r"comp.py:4:\d+: the build called os._exit\(3\) while rendering Widget › Story 1",
    ),
    "aborts": (
        "import os\n\ndef Widget():\n    os.abort()\n",
        r"comp.py:4:\d+: build crashed: abort \(SIGABRT\) while rendering Widget › Story 1",
    ),
    "crashes on import": (
        "import ctypes\nctypes.string_at(0)\n",
        r"comp.py:2:\d+: build crashed: segmentation fault \(SIGSEGV\) while importing",
    ),
    "forks": (
        "import os\n\ndef Widget():\n    os.fork()\n",
        r"comp.py:4:\d+: RuntimeError: fork not supported for isolated subinterpreters",
    ),
    "eats memory": (
        "def Widget():\n    return bytes(2 * 2**30)\n",
        r"comp.py:2:\d+: the build used more than 1 GiB \(while rendering Widget › Story 1\)",
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


async def test_a_stuck_build_ends_with_its_process(running) -> None:
    """time.sleep(3600) in C: the host is ended, its memory and thread with it."""
    server, component = running
    before = descendants(server.pid)
    assert before, "serve runs its builds in a child process"
    mark = server.mark()
    component.write_text("import time\n\ndef Widget():\n    time.sleep(3600)\n")
    server.wait_for(r"comp.py:4:\d+: the build took longer than 2 s", after=mark)
    async with ReloadClient(server.url) as client:
        component.write_text(GOOD.replace("fine", "fixed"))
        await client.reload()
    deadline = time.monotonic() + 20  # the old host is retired in the background
    while before & descendants(server.pid) and time.monotonic() < deadline:
        time.sleep(0.1)  # no event tells this process that another one ended
    assert not before & descendants(server.pid), "the stuck build host was ended"


async def test_threads_a_catalog_leaves_running_do_not_pile_up(running) -> None:
    server, component = running
    leaky = "import threading, time\nthreading.Thread(target=time.sleep, args=(3600,)).start()\n"
    first = 0
    async with ReloadClient(server.url) as client:
        for n in range(6):
            component.write_text(leaky + GOOD.replace("fine", f"leak {n}"))
            await client.reload()
            if n == 0:
                first = threads({server.pid, *descendants(server.pid)})
    assert "<p>leak 5</p>" in canvas(server, "parts/widget/0.html")
    # Threads that come and go (the next interpreter warming, the last one closing, a
    # replaced build host exiting) may be counted at any moment: the six leaked ones
    # would stay, so they must be gone within a few seconds.
    count = threads({server.pid, *descendants(server.pid)})
    deadline = time.monotonic() + 10
    while count > first + 4 and time.monotonic() < deadline:
        time.sleep(0.05)
        count = threads({server.pid, *descendants(server.pid)})
    assert count <= first + 4, f"{count} threads, {first} after the first leaky build"
    # and SIGTERM still stops it (the fixture checks the exit code)


async def test_output_floods_are_trimmed(running) -> None:
    """50 MB printed and 50 MB written to the raw stdout: the server logs a bounded tail."""
    server, component = running
    flood = (
        "import os, sys\n"
        "print('p' * 50_000_000)\n"
        "for _ in range(50):\n"
        "    os.write(1, b'w' * 1_000_000 + b'\\n')\n"
    )
    start = server.mark()
    async with ReloadClient(server.url) as client:
        component.write_text(flood + GOOD.replace("fine", "flooded"))
        await client.reload()
    assert "<p>flooded</p>" in canvas(server, "parts/widget/0.html")
    logged = sum(len(line) for line in server.lines[start:])
    assert logged < 1_000_000, f"{logged} characters of output reached the terminal"


async def test_chdir_in_a_build_does_not_move_the_server(running) -> None:
    server, component = running
    async with ReloadClient(server.url) as client:
        component.write_text("import os\nos.chdir('/')\n" + GOOD.replace("fine", "moved"))
        await client.reload()
        component.write_text(GOOD.replace("fine", "back"))
        await client.reload()
    assert "<p>back</p>" in canvas(server, "parts/widget/0.html")


async def test_three_crashes_in_a_row_pause_until_the_next_save(running) -> None:
    server, component = running
    mark = server.mark()
    for n in range(3):
        before = server.mark()  # before the write: a fast crash's line is not missed
        component.write_text(f"import ctypes\n\ndef Widget():\n    ctypes.string_at({n})\n")
        # The build's summary line, one per build (its diagnostic line says "crashed" too).
        server.wait_for(r"build failed in \d+ ms: build crashed: segmentation fault", after=before)
    server.wait_for(r"crashed 3 times in a row; storyville builds again", after=mark)
    async with ReloadClient(server.url) as client:
        component.write_text(GOOD.replace("fine", "healed"))
        await client.reload()
    assert "<p>healed</p>" in canvas(server, "parts/widget/0.html")
    notices = [line for line in server.lines[mark:] if "times in a row" in line]
    assert len(notices) == 1


async def test_a_deleted_package_is_watched_again_when_it_returns(tmp_path: Path) -> None:
    catalog = lab(tmp_path, {"widget": (GOOD, "Widget")})
    server = ServeProcess(tmp_path, catalog.package).start()
    try:
        away = tmp_path / "away"
        shutil.copytree(catalog.dir, away)
        mark = server.mark()
        shutil.rmtree(catalog.dir)  # a branch switch, say
        server.wait_for(r"build failed", after=mark)
        shutil.copytree(away, catalog.dir)
        async with ReloadClient(server.url) as client:
            (catalog.dir / "parts/widget/comp.py").write_text(GOOD.replace("fine", "returned"))
            try:
                await client.reload()
            except TimeoutError:
                raise AssertionError("\n".join(server.lines[mark:])) from None
        assert "<p>returned</p>" in canvas(server, "parts/widget/0.html")
    finally:
        assert server.stop() == 0


async def test_site_files_deleted_by_hand_are_written_again(tmp_path: Path) -> None:
    catalog = lab(tmp_path, {"widget": (GOOD, "Widget"), "other": (GOOD, "Widget")})
    site = tmp_path / "site"
    server = ServeProcess(tmp_path, catalog.package, ("--output", str(site))).start()
    try:
        page = site / "parts/widget/0.html"
        page.unlink()
        async with ReloadClient(server.url) as client:
            (catalog.dir / "parts/other/comp.py").write_text(GOOD.replace("fine", "other"))
            await client.reload()
        assert page.is_file()
    finally:
        assert server.stop() == 0


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
