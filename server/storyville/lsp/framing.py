"""LSP base-protocol frames read from a byte stream, recovering from frames that lie.

pygls's reader trusts the header: a Content-Length that is too long eats the next message and
then waits forever, a huge one is allocated, a negative or lower-case one is never seen and the
reader waits for a header that already went by. This reader accepts what is unambiguous
(header names in any case, LF as well as CRLF line ends, blank lines between frames) and logs
everything else, then resynchronises at the next `Content-Length` header:

- a frame that announces more than `MAX_FRAME` bytes, a length that is not a number, or a
  header block without a length is dropped unread (its body is skipped by the search);
- a body that is not JSON is dropped; the search for the next header starts inside it, so
  a length that was too short costs only its own message;
- a length that is too long is noticed when the next header shows up inside the body (a
  header line, with its raw line break, cannot occur in valid JSON): the message before it is
  still handled. With nothing after it, the reader waits for the promised bytes, as any
  reader must.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

log = logging.getLogger("storyville.lsp")

MAX_FRAME = 64 * 1024 * 1024
"""The largest body accepted, in bytes: far above any real message, far below harm."""

MAX_HEADER = 8 * 1024
"""A header block longer than this (without its blank line) is not a header."""

_CHUNK = 64 * 1024
# A whole Content-Length line, with its raw line break: valid JSON cannot contain one (not in a
# string, where a line break must be escaped, and not outside, where letters are not allowed).
_HEADER_LINE = re.compile(rb"content-length[ \t]*:[ \t]*[0-9]+[ \t]*\r?\n", re.IGNORECASE)
_TOKEN = re.compile(rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_OVERLAP = 64  # bytes re-searched when a body grows, so a header split across reads is found


def _preview(data: bytes | bytearray) -> str:
    return repr(bytes(data[:60])) + ("…" if len(data) > 60 else "")


class FrameReader:
    """Yields each message's JSON value; `read(n)` returns up to n bytes, b"" at the end."""

    def __init__(
        self, read: Callable[[int], bytes], on_problem: Callable[[str], None] | None = None
    ) -> None:
        self._read = read
        self._on_problem = on_problem
        self._buf = bytearray()

    def messages(self) -> Iterator[Any]:
        while (length := self._header()) is not None:
            yield from self._body(length)

    # --- input ------------------------------------------------------------------------------

    def _fill(self, want: int = _CHUNK) -> bool:
        chunk = self._read(max(_CHUNK, min(want, 1024 * 1024)))
        self._buf += chunk
        return bool(chunk)

    def _problem(self, message: str) -> None:
        log.warning("protocol input: %s", message)
        if self._on_problem is not None:
            self._on_problem(message)

    def _resync(self, skip: int) -> bool:
        """Drop `skip` bytes, then everything before the next Content-Length header."""
        del self._buf[:skip]
        while (match := _HEADER_LINE.search(self._buf)) is None:
            del self._buf[: max(0, len(self._buf) - _OVERLAP)]
            if not self._fill():
                return False
        del self._buf[: match.start()]
        return True

    # --- headers ----------------------------------------------------------------------------

    def _header(self) -> int | None:
        """The next frame's body length, its header consumed; None at the end of input."""
        while True:
            block = self._header_block()
            if block is None:
                if len(self._buf) > MAX_HEADER:
                    self._problem(f"no end of header in {_preview(self._buf)}; resynchronising")
                    if not self._resync(1):
                        return None
                elif not self._fill():
                    return None
                continue
            lines, end = block
            length, error = _content_length(lines)
            if error is None and length is not None:
                del self._buf[:end]
                return length
            self._problem(f"{error} in {_preview(self._buf[:end])}; resynchronising")
            if not self._resync(1):
                return None

    def _header_block(self) -> tuple[list[bytes], int] | None:
        """The header lines and the offset past the blank line that ends them, once buffered."""
        lines: list[bytes] = []
        pos = 0
        while (newline := self._buf.find(b"\n", pos)) != -1:
            line = bytes(self._buf[pos:newline]).removesuffix(b"\r")
            pos = newline + 1
            if line.strip():
                lines.append(line)
            elif lines:
                return lines, pos
        return None

    # --- bodies -----------------------------------------------------------------------------

    def _body(self, length: int) -> Iterator[Any]:
        searched = 0
        while len(self._buf) < length:
            header = _HEADER_LINE.search(self._buf, max(0, searched - _OVERLAP))
            if header is not None:  # the length was too long: the next frame began
                body = bytes(self._buf[: header.start()])
                del self._buf[: header.start()]
                yield from self._salvage(body, f"shorter than its Content-Length {length}")
                return
            searched = len(self._buf)
            if not self._fill(length - len(self._buf)):
                return
        body = bytes(self._buf[:length])
        del self._buf[:length]
        try:
            yield json.loads(body)
        except ValueError:
            yield from self._salvage(body, "not JSON", push_back=True)

    def _salvage(self, body: bytes, why: str, *, push_back: bool = False) -> Iterator[Any]:
        """A JSON object at the start of a broken body is still a message. With `push_back`,
        what follows it (the whole body when there is none) is searched for the next header."""
        value, used = _leading_object(body)
        if value is not None and (push_back or not body[used:].strip()):
            self._problem(f"a body {why}; handled the message it starts with")
            if push_back:
                self._buf[:0] = body[used:]
                self._resync(0)
            yield value
            return
        self._problem(f"dropped a body {why}: {_preview(body)}")
        if push_back:
            self._buf[:0] = body
            self._resync(0)


def _leading_object(body: bytes) -> tuple[dict[str, Any] | None, int]:
    """The JSON object a body starts with, and how many bytes it takes."""
    text = body.decode("utf-8", "surrogateescape")
    try:
        _, end = json.JSONDecoder().raw_decode(text, len(text) - len(text.lstrip(" \t\r\n")))
    except ValueError:
        return None, 0
    used = len(text[:end].encode("utf-8", "surrogateescape"))
    try:
        value = json.loads(body[:used])  # strict: refuses what surrogateescape let through
    except ValueError:
        return None, 0
    return (value, used) if isinstance(value, dict) else (None, 0)


def _content_length(lines: list[bytes]) -> tuple[int | None, str | None]:
    """The Content-Length of a header block, or why the block is not one."""
    length: int | None = None
    for line in lines:
        name, colon, value = line.partition(b":")
        if not colon or not _TOKEN.fullmatch(name.strip()):
            return None, "a line that is not a header"
        if name.strip().lower() != b"content-length":
            continue  # Content-Type, or a header of some newer client: ignored
        digits = value.strip()
        if not digits.isdigit():
            return None, f"Content-Length {_preview(digits)} is not a number"
        if length is not None and int(digits) != length:
            return None, "two different Content-Length headers"
        length = int(digits)
    if length is None:
        return None, "a header without Content-Length"
    if length > MAX_FRAME:
        return None, f"a frame of {length} bytes, over the limit of {MAX_FRAME // 2**20} MiB"
    return length, None
