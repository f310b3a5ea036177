"""Build errors and failed assertions as LSP diagnostics, in the client's position encoding."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path

from storyville.catalog.files import UserFiles
from storyville.catalog.source import SourceRef
from storyville.results import WARNINGS, BuildError

SOURCE = "storyville"

type Lines = Callable[[str], Sequence[str]]  # a file's lines, open document or disk
type Encode = Callable[[Sequence[str], types.Position], types.Position]


def read_lines(file: str) -> list[str]:
    try:
        return Path(file).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def to_range(ref: SourceRef, lines: Sequence[str], encode: Encode) -> types.Range:
    """Lines are 1-based and columns are code points in `ref`; the client gets its units."""
    line = max(ref.line - 1, 0)
    text = lines[line] if line < len(lines) else ""
    column = ref.column
    end_line = (ref.end_line or ref.line) - 1
    end_column = ref.end_column
    if end_column is None or (end_line, end_column) <= (line, column):
        # No end recorded: the rest of the line, less its indentation and trailing space.
        indent = len(text) - len(text.lstrip())
        column = max(column, indent) if column == 0 else column
        end_line, end_column = line, max(len(text.rstrip()), column + 1)
    start = encode(lines, types.Position(line=line, character=column))
    end = encode(lines, types.Position(line=end_line, character=end_column))
    return types.Range(start=start, end=end)


class DiagnosticMaker:
    def __init__(self, lines: Lines, encode: Encode, user: UserFiles) -> None:
        self.lines = lines
        self.encode = encode
        self.user = user

    def range(self, ref: SourceRef) -> types.Range:
        return to_range(ref, self.lines(ref.file), self.encode)

    def location(self, ref: SourceRef) -> types.Location:
        return types.Location(uri=from_fs_path(ref.file) or ref.file, range=self.range(ref))

    def diagnostic(self, error: BuildError) -> types.Diagnostic:
        assert error.source is not None
        related = [
            types.DiagnosticRelatedInformation(location=self.location(ref), message=message)
            for ref, message in error.related
        ]
        here = (error.source.file, error.source.line)
        callers = [f for f in error.frames if f.file in self.user and (f.file, f.line) != here]
        related += [
            types.DiagnosticRelatedInformation(
                location=self.location(
                    SourceRef(f.file, f.line, f.column or 0, f.line, f.end_column)
                ),
                message=f"called from {f.function}()",
            )
            for f in callers[-5:]
        ]
        loading = _module_file(error)
        if loading and error.module and error.kind not in WARNINGS:
            related.append(
                types.DiagnosticRelatedInformation(
                    location=self.location(SourceRef(loading, 1)),
                    message=f"while loading {error.module}",
                )
            )
        return types.Diagnostic(
            range=self.range(error.source),
            message=error.message,
            severity=(
                types.DiagnosticSeverity.Warning
                if error.kind in WARNINGS
                else types.DiagnosticSeverity.Error
            ),
            code=error.kind.value,
            source=SOURCE,
            related_information=related or None,
        )

    def by_uri(self, errors: Iterable[BuildError]) -> dict[str, list[types.Diagnostic]]:
        result: defaultdict[str, list[types.Diagnostic]] = defaultdict(list)
        for error in errors:
            if error.source is not None:
                uri = from_fs_path(error.source.file) or error.source.file
                result[uri].append(self.diagnostic(error))
        return dict(result)


def _module_file(error: BuildError) -> str | None:
    """The stories.py that was loading when the error happened, if it is not the error's file."""
    for frame in error.frames:
        if frame.file.endswith("stories.py") and frame.file != (error.file or ""):
            return frame.file
    return None
