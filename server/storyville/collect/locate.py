"""Turn an exception into a BuildError located on the user's line."""

from __future__ import annotations

import ast
import linecache
import traceback
from pathlib import Path

from storyville.catalog.discovery import StructureError
from storyville.catalog.files import UserFiles
from storyville.catalog.source import SourceRef, byte_to_char_column, line_text
from storyville.results import BuildError, ErrorKind, Frame


def frames_of(exc: BaseException) -> tuple[Frame, ...]:
    frames = []
    for summary in traceback.extract_tb(exc.__traceback__):
        text = line_text(summary.filename, summary.lineno or 0) if summary.lineno else ""
        col = end = None
        if summary.colno is not None and summary.end_lineno == summary.lineno:
            col = byte_to_char_column(text, summary.colno)
            end = byte_to_char_column(text, summary.end_colno or summary.colno)
        frames.append(
            Frame(summary.filename, summary.lineno or 0, summary.name, text.strip(), col, end)
        )
    return tuple(frames)


def _frame_range(frame: Frame) -> SourceRef:
    return SourceRef(frame.file, frame.line, frame.column or 0, frame.line, frame.end_column)


def _syntax_range(exc: SyntaxError) -> SourceRef | None:
    if not exc.filename or exc.lineno is None or not Path(exc.filename).is_file():
        return None
    column = max((exc.offset or 1) - 1, 0)
    end_line = exc.end_lineno or exc.lineno
    end_column = (exc.end_offset or 0) - 1
    if (end_line, end_column) <= (exc.lineno, column):
        end_line, end_column = exc.lineno, column + 1
    return SourceRef(exc.filename, exc.lineno, column, end_line, end_column)


def import_statement_range(file: str, line: int, missing: str | None) -> SourceRef | None:
    """The import statement on `line` (narrowed to the missing name when there is one)."""
    source = "".join(linecache.getlines(file))
    try:
        tree = ast.parse(source, file)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom) and node.lineno <= line <= (
            node.end_lineno or node.lineno
        ):
            target: ast.AST = node
            for alias in node.names:
                if missing and (alias.name == missing or alias.name.startswith(missing + ".")):
                    target = alias
            lines = source.splitlines()
            return SourceRef(
                file,
                target.lineno,  # type: ignore[attr-defined]
                _char_col(lines, target.lineno, target.col_offset),  # type: ignore[attr-defined]
                target.end_lineno,  # type: ignore[attr-defined]
                _char_col(lines, target.end_lineno, target.end_col_offset),  # type: ignore[attr-defined]
            )
    return None


def _char_col(lines: list[str], line: int | None, byte_col: int | None) -> int:
    if line is None or byte_col is None or line > len(lines):
        return 0
    return byte_to_char_column(lines[line - 1], byte_col)


def _missing_name(exc: ImportError) -> str | None:
    if isinstance(exc, ModuleNotFoundError):
        return exc.name
    return getattr(exc, "name_from", None)


def locate(
    exc: BaseException,
    user: UserFiles,
    *,
    module: str | None = None,
    story: str | None = None,
    fallback: SourceRef | None = None,
) -> BuildError:
    """A BuildError for `exc`, placed where the user can fix it."""
    frames = frames_of(exc)
    user_frames = [f for f in frames if f.file in user]
    deepest = _frame_range(user_frames[-1]) if user_frames else fallback
    exc_type = type(exc).__name__
    match exc:
        case StructureError():
            return BuildError(
                ErrorKind.STRUCTURE, str(exc), exc.source, exc_type, frames, story, module
            )
        case SyntaxError() if (where := _syntax_range(exc)) is not None:
            return BuildError(
                ErrorKind.SYNTAX, f"{exc_type}: {exc.msg}", where, exc_type, frames, story, module
            )
        case ImportError():
            where = deepest
            if user_frames:
                last = user_frames[-1]
                where = import_statement_range(last.file, last.line, _missing_name(exc)) or where
            message = f"{exc_type}: {exc}"
            if "does not support loading in subinterpreters" in str(exc):
                message += (
                    f" ({exc.name or 'this C extension'} cannot load in a subinterpreter: "
                    "build in-process with --no-use-subinterpreters, or useSubinterpreters: "
                    "false in the editor)"
                )
            return BuildError(ErrorKind.IMPORT, message, where, exc_type, frames, story, module)
        case SystemExit():
            message = f"the build called sys.exit({exc.code!r})"
            return BuildError(ErrorKind.EXIT, message, deepest, exc_type, frames, story, module)
        case _:
            text = str(exc)
            message = f"{exc_type}: {text}" if text else exc_type
            if story:
                message += f" (while rendering {story})"
            return BuildError(
                ErrorKind.EXCEPTION, message, deepest, exc_type, frames, story, module
            )
