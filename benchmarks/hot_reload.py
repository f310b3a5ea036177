"""Save-to-reload latency on examples.huge: from the file write to the WebSocket reload.

Each variant is the real serve stack (benchmarks/serve_variant.py) in its own process, on a
copy of the example; a client edits files on disk and times the reload message, checks the
page then shows the edit, polls a page every 10 ms for failed requests, and reads the
server's RSS from /proc. Usage: python -m benchmarks.hot_reload [--story-edits 20] ...
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import html
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import websockets

from benchmarks.stats import median, p95, table

REPO = Path(__file__).resolve().parent.parent
VARIANTS = {
    "storyville": "storyville (build host process, fresh subinterpreter per build)",
    "in-process-pool": "before the build host: subinterpreters inside the server",
    "in-process-pool-no-prewarm": "the same without library pre-warm",
    "storyville-fresh-process": "storyville --no-use-subinterpreters (fresh host per build)",
    "in-process": "(a) in-process, sys.modules purge (no isolation: stale-prone)",
    "fresh-process": "(b) fresh process per build (restart)",
    "reused-interpreter": "(c) reused interpreter + sys.modules purge (0.1)",
    "storyville-0.1.1": "Storyville 0.1.1 itself (its serve, port 8080)",
}
THINK = 0.4  # seconds between saves, as a person editing would leave


@dataclass
class Server:
    process: subprocess.Popen[str]
    url: str
    lines: list[str] = field(default_factory=list)
    old: bool = False  # Storyville 0.1.1

    def rss_mb(self) -> float:
        """The server's RSS plus its build host's (its child processes), in MB."""
        return sum(_rss_kb(pid) for pid in (self.process.pid, *_children(self.process.pid))) / 1024

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _rss_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"VmRSS:\s+(\d+)", status)
    return int(match.group(1)) if match else 0


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def start(variant: str, workspace: Path, package: str = "examples.huge") -> Server:
    if variant == "storyville-0.1.1":
        with socket.socket() as probe:  # its serve always binds 127.0.0.1:8080
            try:
                probe.bind(("127.0.0.1", 8080))
            except OSError:
                raise SystemExit("Storyville 0.1.1 needs port 8080, which is in use") from None
        bin_dir = subprocess.run(
            [str(REPO / "benchmarks/baseline_env.sh")], check=True, capture_output=True, text=True
        ).stdout.strip()
        command = [f"{bin_dir}/storyville", "serve", package]
        ready = r"Uvicorn running on (http://\S+)"
    else:
        command = [
            sys.executable,
            str(REPO / "benchmarks/serve_variant.py"),
            variant,
            package,
        ]
        ready = r"serving \S+ at (http://\S+)"
    process = subprocess.Popen(
        command,
        cwd=workspace,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONPATH": str(workspace)},
    )
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        lines.append(line)
        if match := re.search(ready, line):
            url = match.group(1).rstrip("/") + "/"
            threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True).start()  # type: ignore[arg-type]
            return Server(process, url, lines, old=variant == "storyville-0.1.1")
    raise SystemExit(f"{variant} did not start:\n{''.join(lines)}")


class Poller(threading.Thread):
    """GETs a page every 10 ms; counts what did not come back 200."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url, self.ok, self.failed, self.running = url, 0, 0, True

    def run(self) -> None:
        with httpx.Client(timeout=5) as client:
            while self.running:
                try:
                    good = client.get(self.url).status_code == 200
                except httpx.HTTPError:
                    good = False
                self.ok += good
                self.failed += not good
                time.sleep(0.01)


@dataclass
class Edit:
    file: Path
    page: str  # the page that must show the edit
    old: str
    template: str  # with {n}
    marker: str  # what the page shows once the edit is in, with {n}


def story_edits(workspace: Path, catalog: str = "examples/huge") -> list[Edit]:
    """Story titles in stories.py files (text a user changes), one subject after another."""
    edits = []
    for stories in sorted((workspace / catalog).glob("*/*/stories.py"))[:40]:
        text = stories.read_text()
        match = re.search(r'title="([^"]+)"', text.split("items=")[-1])
        if match:
            subject = stories.parent.relative_to(workspace / catalog)
            edits.append(
                Edit(
                    stories,
                    f"{subject}/0.html",
                    f'title="{match.group(1)}"',
                    'title="Edited story {n}"',
                    "Edited story {n}<",
                )
            )
    return edits


def component_edits(workspace: Path, catalog: str = "examples/huge") -> list[Edit]:
    """A component module's markup: add a data attribute to its first element."""
    edits = []
    for stories in sorted((workspace / catalog).glob("*/*/stories.py"))[40:80]:
        modules = [
            p for p in stories.parent.glob("*.py") if p.name not in ("stories.py", "__init__.py")
        ]
        if not modules:
            continue
        source = modules[0].read_text()
        match = re.search(r"""html\(t(?:'|"|'''|\"\"\")\s*<([a-z0-9]+)""", source)
        if match:
            tag = f"<{match.group(1)}"
            subject = stories.parent.relative_to(workspace / catalog)
            edits.append(
                Edit(
                    modules[0],
                    f"{subject}/0.html",
                    tag,
                    tag + " data-edit=e{n}",  # unquoted: safe in any string literal
                    'data-edit="e{n}"',
                )
            )
    return edits


async def drain(socket: websockets.ClientConnection) -> None:
    """Drop messages already sent (greetings, a second message for the same build)."""
    with contextlib.suppress(TimeoutError):
        while True:
            await asyncio.wait_for(socket.recv(), 0.02)


def page_for(server: Server, edit: Edit) -> str:
    """Storyville 0.1.1 names story pages `story-N/index.html` where storyville uses `N.html`."""
    if server.old:
        return re.sub(r"/(\d+)\.html$", r"/story-\1/index.html", edit.page)
    return edit.page


async def connect(server: Server, page: str) -> list[websockets.ClientConnection]:
    """Reload channel(s) as a page's script opens them.

    Storyville 0.1.1 only notifies clients that announce their page, by kind: announce a
    story page and an index page, and take the first reload either receives.
    """
    url = server.url.replace("http", "ws") + "ws/reload"
    if not server.old:
        return [await websockets.connect(url)]
    sockets = []
    for page_url, kind in ((f"/{page}", "story"), ("/index.html", "non_story")):
        socket = await websockets.connect(url)
        await socket.send(
            json.dumps(
                {"type": "page_info", "page_url": page_url, "page_type": kind, "story_id": None}
            )
        )
        sockets.append(socket)
    return sockets


async def next_reload(sockets: list[websockets.ClientConnection]) -> None:
    async def one(socket: websockets.ClientConnection) -> None:
        while json.loads(await socket.recv()).get("type") != "reload":
            pass

    tasks = [asyncio.create_task(one(s)) for s in sockets]
    try:
        done, _ = await asyncio.wait(tasks, timeout=60, return_when=asyncio.FIRST_COMPLETED)
        if not done:
            raise TimeoutError("no reload message within 60 s")
    finally:
        for task in tasks:
            task.cancel()


async def measure(
    server: Server, edits: list[Edit], count: int, pace: float = THINK, settle: float = 2
) -> tuple[list[float], int]:
    """Seconds from write to reload message for `count` edits; and how many pages were stale.

    The files are restored afterwards, so the next measurement starts from the original
    (`settle` seconds are left for the server to rebuild them).
    """
    originals = {edit.file: edit.file.read_text() for edit in edits}
    latencies, stale = [], 0
    for n in range(count):
        edit = edits[n % len(edits)]
        sockets = await connect(server, page_for(server, edit))
        try:
            for socket in sockets:
                await drain(socket)
            text = edit.file.read_text()
            current = edit.old if n < len(edits) else edit.template.format(n=n - len(edits))
            new = edit.template.format(n=n)
            started = time.perf_counter()
            edit.file.write_text(text.replace(current, new, 1))
            try:
                await next_reload(sockets)
            except TimeoutError:
                raise SystemExit(
                    "no reload within 60 s; server log:\n" + "".join(server.lines[-40:])
                ) from None
            latencies.append(time.perf_counter() - started)
        finally:
            for socket in sockets:
                await socket.close()
        page = httpx.get(server.url + page_for(server, edit)).text
        stale += edit.marker.format(n=n) not in html.unescape(page)
        await asyncio.sleep(pace)
    for file, text in originals.items():
        file.write_text(text)
    await asyncio.sleep(settle)  # let the server rebuild the restored files before what follows
    return latencies, stale


async def lost_saves(server: Server, edits: list[Edit], trials: int) -> int:
    """Two saves 0.1 s apart: is the second one what the page shows in the end?"""
    lost = 0
    async with httpx.AsyncClient() as client:
        for trial in range(trials):
            edit = edits[trial]
            text = edit.file.read_text()
            first = edit.template.format(n=f"first{trial}")
            second = edit.template.format(n=f"second{trial}")
            base = text
            edit.file.write_text(base.replace(edit.old, first, 1))
            await asyncio.sleep(0.1)
            edit.file.write_text(base.replace(edit.old, second, 1))
            marker = f"second{trial}"
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                if marker in (await client.get(server.url + edit.page)).text:
                    break
                await asyncio.sleep(0.05)
            else:
                lost += 1
            edit.file.write_text(base)
            await asyncio.sleep(1.5)
    return lost


@dataclass
class VariantResult:
    story: list[float]
    component: list[float]
    stale: int
    failed: int
    requests: int
    rss: tuple[float, float, float] | None = None
    lost: int | None = None


async def run_variant(variant: str, args: argparse.Namespace) -> VariantResult:
    with tempfile.TemporaryDirectory(prefix="storyville-hot-") as scratch:
        workspace = Path(scratch)
        shutil.copytree(
            REPO / "examples", workspace / "examples", ignore=shutil.ignore_patterns("__pycache__")
        )
        if args.library:  # a catalog using heavier libraries, imported by every build
            package = workspace / "examples/huge/__init__.py"
            package.write_text(package.read_text() + f"\nimport {args.library}  # noqa\n")
        server = start(variant, workspace)
        try:
            poller = Poller(server.url + "index.html")
            poller.start()
            rss_start = server.rss_mb()
            stories, stale_s = await measure(server, story_edits(workspace), args.story_edits)
            components, stale_c = await measure(
                server, component_edits(workspace), args.component_edits
            )
            poller.running = False
            row = VariantResult(
                stories, components, stale_s + stale_c, poller.failed, poller.ok + poller.failed
            )
            if variant == "storyville" and args.rebuilds:
                # RSS settles over the first ~100 rebuilds (page memo, allocator arenas):
                # growth is measured over `rebuilds` more after that warm-up.
                await measure(server, component_edits(workspace), 100, pace=0.05)
                warm = server.rss_mb()
                await measure(server, component_edits(workspace), args.rebuilds, pace=0.05)
                row.rss = (rss_start, warm, server.rss_mb())
            if variant == "storyville" and args.lost_trials:
                trial_edits = story_edits(workspace)[40 - args.lost_trials :]
                row.lost = await lost_saves(server, trial_edits, args.lost_trials)
            return row
        finally:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--story-edits", type=int, default=20)
    parser.add_argument("--component-edits", type=int, default=10)
    parser.add_argument("--rebuilds", type=int, default=200, help="for the RSS measurement")
    parser.add_argument("--lost-trials", type=int, default=9)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--library", help="make a component import this module (e.g. asyncio)")
    args = parser.parse_args()
    results = {v: asyncio.run(run_variant(v, args)) for v in args.variants.split(",")}
    baseline = results.get("fresh-process")
    rows = []
    for variant, r in results.items():
        ratio = f"{median(baseline.story) / median(r.story):.1f}x" if baseline else "-"
        rows.append(
            [
                VARIANTS[variant],
                f"{median(r.story) * 1000:.0f}",
                f"{p95(r.story) * 1000:.0f}",
                f"{median(r.component) * 1000:.0f}",
                f"{p95(r.component) * 1000:.0f}",
                ratio,
                f"{r.stale}/{len(r.story) + len(r.component)}",
                f"{r.failed}/{r.requests}",
            ]
        )
    print(
        f"save → reload on examples.huge ({args.story_edits} story edits, "
        f"{args.component_edits} component edits per variant; ms)\n"
    )
    print(
        table(
            [
                "variant",
                "story median",
                "story p95",
                "component median",
                "component p95",
                "story vs restart",
                "stale pages",
                "failed requests",
            ],
            rows,
        )
    )
    ours = results.get("storyville")
    if ours and ours.rss:
        start, warm, end = ours.rss
        print(
            f"\nserver RSS: {start:.1f} MB after the first build, {warm:.1f} MB after 100 "
            f"warm-up rebuilds, {end:.1f} MB after {args.rebuilds} more "
            f"({(end - warm) / warm * 100:+.1f} %)"
        )
    if ours and ours.lost is not None:
        print(f"saves lost (second save 0.1 s after the first): {ours.lost} of {args.lost_trials}")


if __name__ == "__main__":
    main()
