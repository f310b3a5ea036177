"""The language server's framing: what a lying or odd frame turns into, byte by byte.

The same cases as tests/test_lsp_protocol.py drives over real pipes, here fed in every chunk
size (a header split across reads is the usual case on a busy pipe), plus the writer's queue.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from storyville.lsp.framing import MAX_FRAME, FrameReader
from storyville.lsp.writer import FrameWriter

A = {"jsonrpc": "2.0", "id": 1, "method": "a", "params": {"text": "Content-Length: 5"}}
B = {"jsonrpc": "2.0", "id": 2, "method": "b", "params": {"text": "é 😀"}}
A_BODY = json.dumps(A).encode()
B_BODY = json.dumps(B, ensure_ascii=False).encode()


def frame(body: bytes, length: int | None = None, name: bytes = b"Content-Length") -> bytes:
    return name + b": %d\r\n\r\n" % (len(body) if length is None else length) + body


def read_all(data: bytes, chunk: int) -> tuple[list[Any], list[str]]:
    """Every message of `data` fed `chunk` bytes per read, and the problems reported."""
    chunks: Iterator[bytes] = (data[i : i + chunk] for i in range(0, len(data), chunk))
    problems: list[str] = []
    reader = FrameReader(lambda n: next(chunks, b""), problems.append)
    return list(reader.messages()), problems


CASES = {
    "two good frames": (frame(A_BODY) + frame(B_BODY), [A, B], False),
    "lower-case name": (frame(A_BODY, name=b"content-length") + frame(B_BODY), [A, B], False),
    "LF-only lines": (b"Content-Length: %d\n\n" % len(A_BODY) + A_BODY, [A], False),
    "Content-Type first": (
        b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" + frame(A_BODY),
        [A],
        False,
    ),
    "blank lines between frames": (
        b"\r\n" + frame(A_BODY) + b"\r\n\r\n" + frame(B_BODY),
        [A, B],
        False,
    ),
    "too short": (frame(A_BODY, len(A_BODY) - 10) + frame(B_BODY), [B], True),
    "too long": (frame(A_BODY, len(A_BODY) + 300) + frame(B_BODY), [A, B], True),
    "too long by a little": (frame(A_BODY, len(A_BODY) + 3) + frame(B_BODY), [A, B], True),
    "too long, last frame": (frame(A_BODY, len(A_BODY) + 300), [], False),  # waits: the end
    "negative": (b"Content-Length: -5\r\n\r\n" + A_BODY + frame(B_BODY), [B], True),
    "not a number": (b"Content-Length: 1e3\r\n\r\n" + A_BODY + frame(B_BODY), [B], True),
    "over the cap": (frame(A_BODY, MAX_FRAME + 1) + frame(B_BODY), [B], True),
    "14 digits": (frame(A_BODY, 99999999999999) + frame(B_BODY), [B], True),
    "no length": (b"Content-Type: x\r\n\r\n" + A_BODY + frame(B_BODY), [B], True),
    "two lengths": (b"Content-Length: 3\r\n" + frame(A_BODY) + frame(B_BODY), [A, B], True),
    "empty length": (frame(b"", 0) + frame(B_BODY), [B], True),
    "junk first": (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" + frame(A_BODY), [A], True),
    "not JSON": (frame(b"nope") + frame(B_BODY), [B], True),
    "not UTF-8": (frame(b'{"a": "\xff"}') + frame(B_BODY), [B], True),
    "endless header": (b"x" * 20000 + frame(B_BODY), [B], True),
}


@pytest.mark.parametrize("chunk", [1, 7, 65536])
@pytest.mark.parametrize("case", CASES)
def test_frames(case: str, chunk: int) -> None:
    data, expected, reported = CASES[case]
    messages, problems = read_all(data, chunk)
    assert messages == expected
    assert bool(problems) == reported, problems


def test_a_big_message_that_mentions_a_header_in_a_string_is_not_split() -> None:
    text = "Content-Length: 12\\r\\n\\r\\n" * 50_000  # escaped in JSON: no raw line break
    body = json.dumps({"jsonrpc": "2.0", "method": "x", "params": text}).encode()
    assert read_all(frame(body) + frame(B_BODY), 4096) == ([json.loads(body), B], [])


def test_the_writer_drops_only_log_lines_when_nobody_reads() -> None:
    read_end, write_end = os.pipe()
    writer = FrameWriter(write_end, limit=200_000)
    writer.start()
    for i in range(40):  # nobody reads yet: the pipe fills, then the queue
        writer.put(b"<R%03d>" % i + b"r" * 9994)  # a response: always kept
        writer.put(b"L" * 10_000, droppable=True)  # a log line: dropped past the limit
    received = bytearray()

    def drain() -> None:
        while chunk := os.read(read_end, 1 << 20):
            received.extend(chunk)

    draining = threading.Thread(target=drain, daemon=True)
    draining.start()
    writer.close(timeout=10)
    os.close(write_end)
    draining.join(10)
    os.close(read_end)
    assert [int(n) for n in re.findall(rb"<R(\d{3})>", received)] == list(range(40))
    assert 0 < received.count(b"L" * 10_000) < 40
    assert b"log and progress messages dropped" in received
