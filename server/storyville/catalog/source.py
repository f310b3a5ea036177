"""Source positions of authoring objects, taken from the frame that created them."""

from __future__ import annotations

import itertools
import linecache
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

_PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A range in a file: lines 1-based, columns 0-based in characters (code points)."""

    file: str
    line: int
    column: int = 0
    end_line: int | None = None
    end_column: int | None = None


def byte_to_char_column(text: str, byte_col: int) -> int:
    """Convert a UTF-8 byte offset (what code positions use) to a code point offset."""
    return len(text.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))


def line_text(file: str, line: int) -> str:
    """The text of a 1-based line, or '' when the file cannot be read.

    Uses linecache: builds call `linecache.checkcache()` first, so edits are seen.
    """
    return linecache.getline(file, line)


def caller_source(frame: FrameType | None) -> SourceRef | None:
    """The range of the call expression running in the first frame outside storyville."""
    while frame is not None and frame.f_code.co_filename.startswith((_PACKAGE_DIR, "<")):
        frame = frame.f_back  # skip storyville and generated code such as dataclass __init__
    if frame is None:
        return None
    code = frame.f_code
    positions = list(itertools.islice(code.co_positions(), frame.f_lasti // 2, None, None))
    start_line, end_line, start_col, end_col = positions[0] if positions else (None,) * 4
    file = code.co_filename
    if start_line is None:
        return SourceRef(file, frame.f_lineno or 1)
    first = line_text(file, start_line)
    last = first if end_line == start_line else line_text(file, end_line or start_line)
    return SourceRef(
        file,
        start_line,
        byte_to_char_column(first, start_col or 0),
        end_line,
        byte_to_char_column(last, end_col) if end_col is not None else None,
    )
