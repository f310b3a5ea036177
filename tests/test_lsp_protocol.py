"""Bad input never kills or hangs `storyville lsp`: the real server over raw pipes.

Raw bytes go to its stdin, raw frames are read from its stdout, every wait is bounded, and
the process is killed by its PID at the end whatever happened.
"""

from __future__ import annotations

import json
import os
import queue
import re
import socket
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.helpers import SIMPLE, STORYVILLE, new_catalog

PREVIEW_URL = "storyville.previewUrl"


def frame(body: bytes | dict[str, Any], *, length: int | None = None) -> bytes:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return b"Content-Length: %d\r\n\r\n" % (len(data) if length is None else length) + data


def request(msg_id: int, method: str, params: Any = None) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params}


def preview_url_request(msg_id: int) -> dict[str, Any]:
    return request(msg_id, "workspace/executeCommand", {"command": PREVIEW_URL})


class RawServer:
    """`storyville lsp` on pipes: frames out of its stdout on a thread, bounded waits."""

    def __init__(self, cwd: Path, tmp: Path) -> None:
        tmp.mkdir(exist_ok=True)
        self.tmp = tmp  # its TMPDIR: where TrackedCatalog's site directory goes
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "TMPDIR": str(tmp)}
        self.proc = subprocess.Popen(
            [*STORYVILLE, "lsp"],
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self.reading = threading.Event()  # cleared: stdout is left unread (a slow editor)
        self.reading.set()
        self.stderr = bytearray()
        self._next_id = 100
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # --- the server's output ----------------------------------------------------------------

    def _read_stdout(self) -> None:
        assert self.proc.stdout is not None
        fd, buf = self.proc.stdout.fileno(), bytearray()
        try:
            while True:
                while (end := buf.find(b"\r\n\r\n")) != -1:
                    header = bytes(buf[:end])
                    match = re.search(rb"^Content-Length: (\d+)\r?$", header, re.MULTILINE)
                    assert match, f"the server wrote a bad header: {header!r}"
                    start, length = end + 4, int(match[1])
                    if len(buf) < start + length:
                        break
                    self.inbox.put(json.loads(buf[start : start + length]))
                    del buf[: start + length]
                self.reading.wait()
                if not (chunk := os.read(fd, 65536)):
                    return
                buf += chunk
        finally:
            self.inbox.put(None)  # the end of output (or of what could be read) ends any wait

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        while chunk := os.read(self.proc.stderr.fileno(), 65536):
            self.stderr += chunk

    def wait_for(self, test: Callable[[dict[str, Any]], bool], timeout: float = 30) -> dict:
        """The first frame (seen before or arriving within `timeout` s) for which `test` holds."""
        if (found := next((m for m in self.seen if test(m)), None)) is not None:
            return found
        while True:
            try:
                message = self.inbox.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"nothing matching within {timeout} s; {self.log()}") from None
            if message is None:
                raise AssertionError(f"the server's output ended; {self.log()}")
            self.seen.append(message)
            if test(message):
                return message

    def response(self, msg_id: int, timeout: float = 30) -> dict[str, Any]:
        return self.wait_for(lambda m: m.get("id") == msg_id and "method" not in m, timeout)

    def notification(self, method: str, timeout: float = 60) -> dict[str, Any]:
        return self.wait_for(lambda m: m.get("method") == method and "id" not in m, timeout)

    def log(self) -> str:
        return f"stderr: {bytes(self.stderr[-2000:]).decode(errors='replace')}"

    # --- the server's input -----------------------------------------------------------------

    def send_raw(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        self.send_raw(frame(message))

    def call(self, method: str, params: Any = None, timeout: float = 30) -> dict[str, Any]:
        self._next_id += 1
        self.send(request(self._next_id, method, params))
        return self.response(self._next_id, timeout)

    def notify(self, method: str, params: Any = None) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def initialize(self, root: Path, options: Any = None) -> dict[str, Any]:
        params = {
            "processId": None,
            "rootUri": root.as_uri(),
            "capabilities": {},
            "initializationOptions": options,
        }
        reply = self.call("initialize", params)
        assert "result" in reply, reply
        return reply

    def start_catalog(self, root: Path, package: str) -> str:
        """initialize + initialized; the preview's URL once the first build is in."""
        self.initialize(root, {"package": package, "useSubinterpreters": False})
        self.notify("initialized", {})
        url = self.notification("storyville/preview")["params"]["url"]
        assert self.notification("storyville/buildFinished")["params"]["ok"], self.log()
        return url

    def sites(self) -> list[Path]:
        return sorted(self.tmp.glob("storyville-lsp-*"))

    def exit_status(self, timeout: float = 30) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"still running after {timeout} s; {self.log()}") from None

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, 9)
            self.proc.wait(10)
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def lsp(tmp_path: Path) -> Iterator[Callable[[], RawServer]]:
    started: list[RawServer] = []

    def start() -> RawServer:
        started.append(RawServer(tmp_path, tmp_path / "tmp"))
        return started[-1]

    yield start
    for server in started:
        server.kill()


@pytest.fixture
def catalog(tmp_path: Path) -> tuple[Path, str]:
    made = new_catalog(tmp_path, SIMPLE, prefix="proto")
    return made.root, made.package


def refused(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


# --- 1. framing -----------------------------------------------------------------------------

BODY = json.dumps(preview_url_request(1)).encode()

# Each case: the bytes of a broken frame carrying request 1, and whether request 1 is answered
# (True where the frame is accepted or its message recovered). Request 2 always is.
FRAMES = {
    "Content-Length too short": (frame(BODY, length=len(BODY) - 10), False),
    "Content-Length too long": (frame(BODY, length=len(BODY) + 200), True),
    "Content-Length too long into the next header": (frame(BODY, length=len(BODY) + 5), True),
    "Content-Length negative": (b"Content-Length: -5\r\n\r\n" + BODY, False),
    "Content-Length not a number": (b"Content-Length: twelve\r\n\r\n" + BODY, False),
    "Content-Length 3 GB": (frame(BODY, length=3 * 2**30), False),
    "Content-Length 99999999999999": (frame(BODY, length=99999999999999), False),
    "no Content-Length": (b"Content-Type: application/vscode-jsonrpc\r\n\r\n" + BODY, False),
    "lower-case header name": (b"content-length: %d\r\n\r\n" % len(BODY) + BODY, True),
    "LF-only line ends": (b"Content-Length: %d\n\n" % len(BODY) + BODY, True),
    "junk before the header": (b"hello there\r\n" + frame(BODY), True),
    "a body that is not JSON": (frame(b"this is not JSON at all"), False),
}

WELL_FORMED = {"lower-case header name", "LF-only line ends"}


@pytest.mark.parametrize("case", FRAMES)
def test_a_broken_frame_never_hangs_the_server(lsp, tmp_path: Path, case: str) -> None:
    data, answered = FRAMES[case]
    server = lsp()
    server.initialize(tmp_path)
    server.send_raw(data + frame(preview_url_request(2)))
    assert server.response(2, timeout=15)["result"] is None  # no catalog: no preview
    before = server.seen[: server.seen.index(server.response(2))]
    assert any(m.get("id") == 1 for m in before) == answered
    reported = [  # what was dropped or recovered is said in the editor's log, in order
        m for m in before if "protocol input" in m.get("params", {}).get("message", "")
    ]
    assert bool(reported) == (case not in WELL_FORMED)
    assert server.proc.poll() is None


# --- 2. lifecycle: a second initialize, exit, end of input --------------------------------


def test_a_second_initialize_is_refused_and_the_first_catalog_stays(lsp, catalog) -> None:
    root, package = catalog
    server = lsp()
    url = server.start_catalog(root, package)
    again = server.call("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    assert again["error"]["code"] == -32600, again
    assert "already initialized" in again["error"]["message"]
    server.notify("initialized", {})  # a second one too: ignored
    assert server.call("workspace/executeCommand", {"command": PREVIEW_URL})["result"] == url
    assert httpx.get(url, timeout=5).status_code == 200
    assert len(server.sites()) == 1


ENDINGS = {
    "exit without shutdown": (False, "exit", 1),
    "shutdown, then exit": (True, "exit", 0),
    "end of input": (False, "eof", 1),
    "shutdown, then end of input": (True, "eof", 0),
}


@pytest.mark.parametrize("ending", ENDINGS)
def test_the_way_out_stops_the_catalog_and_removes_its_site(lsp, catalog, ending: str) -> None:
    shutdown, how, status = ENDINGS[ending]
    root, package = catalog
    server = lsp()
    url = server.start_catalog(root, package)
    [site] = server.sites()
    assert (site / "index.html").is_file()
    if shutdown:
        assert server.call("shutdown")["result"] is None
    if how == "exit":
        server.notify("exit")
    else:
        assert server.proc.stdin is not None
        server.proc.stdin.close()
    assert server.exit_status(timeout=30) == status, server.log()
    assert server.sites() == []
    assert refused(urlsplit(url).port or 0)


# --- 3. every request gets a result or an error ---------------------------------------------

HOVER = {"textDocument": {"uri": "file:///x.py"}, "position": {"line": 0, "character": 0}}
MALFORMED = {
    "hover with params 5": ("textDocument/hover", 5, -32602),
    "hover without a position": (
        "textDocument/hover",
        {"textDocument": HOVER["textDocument"]},
        -32602,
    ),
    "executeCommand without a command": ("workspace/executeCommand", {}, -32602),
    "executeCommand of an unknown command": ("workspace/executeCommand", {"command": "x"}, -32602),
    "a method nobody has": ("storyville/noSuchThing", {}, -32601),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_request_is_answered_with_an_error(lsp, tmp_path: Path, case: str) -> None:
    method, params, code = MALFORMED[case]
    server = lsp()
    server.initialize(tmp_path)
    assert server.call(method, params)["error"]["code"] == code
    assert server.call("workspace/executeCommand", {"command": PREVIEW_URL})["result"] is None


@pytest.mark.parametrize(
    "params",
    [{}, {"processId": "x", "capabilities": {}}, 5],
    ids=["without capabilities", "processId a string", "params 5"],
)
def test_a_malformed_initialize_is_answered_and_a_good_one_still_works(
    lsp, tmp_path: Path, params: Any
) -> None:
    server = lsp()
    reply = server.call("initialize", params)
    assert reply["error"]["code"] == -32602, reply
    server.initialize(tmp_path)


def test_requests_outside_the_lifecycle_get_the_spec_errors(lsp, tmp_path: Path) -> None:
    server = lsp()
    early = server.call("workspace/executeCommand", {"command": PREVIEW_URL})
    assert early["error"]["code"] == -32002  # ServerNotInitialized
    server.initialize(tmp_path)
    server.send({"id": 7, "method": "shutdown"})  # no "jsonrpc": "2.0"
    assert server.response(7)["error"]["code"] == -32600
    assert server.call("shutdown")["result"] is None
    late = server.call("workspace/executeCommand", {"command": PREVIEW_URL})
    assert late["error"]["code"] == -32600
    server.notify("exit")
    assert server.exit_status() == 0


# --- 4. an editor that stops reading --------------------------------------------------------


def test_a_slow_editor_does_not_stall_the_preview(lsp, catalog) -> None:
    root, package = catalog
    server = lsp()
    url = server.start_catalog(root, package)
    server.reading.clear()
    flood = b"".join(frame(preview_url_request(1000 + i)) for i in range(6000))
    assert server.proc.stdin is not None
    stdin = server.proc.stdin
    writing = threading.Thread(target=lambda: (stdin.write(flood), stdin.flush()), daemon=True)
    writing.start()
    writing.join(30)  # the server reads on while its ~1 MB of answers wait unread
    page = httpx.get(url, timeout=3)  # before: the loop blocked on stdout, this timed out
    assert page.status_code == 200
    assert not writing.is_alive(), "the server stopped reading its input"
    server.reading.set()
    server.response(1000 + 5999, timeout=30)
    answered = {m["id"] for m in server.seen if m.get("id", 0) >= 1000 and "result" in m}
    assert answered == set(range(1000, 7000))


# --- 5. initialization options --------------------------------------------------------------


def test_neovim_07s_empty_init_options_are_no_options(lsp, tmp_path: Path) -> None:
    server = lsp()
    server.initialize(tmp_path, [])
    warnings = [m for m in server.seen if m.get("method") == "window/logMessage"]
    assert not [m for m in warnings if "initializationOptions" in m["params"]["message"]]
