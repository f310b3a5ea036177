"""Turn an exception into a BuildError located on the user's line."""

from __future__ import annotations

import ast
import codecs
import importlib.util
import linecache
import sys
import traceback
from dataclasses import replace
from pathlib import Path

from storyville.catalog.discovery import StructureError
from storyville.catalog.files import UserFiles
from storyville.catalog.source import SourceRef, byte_to_char_column, line_text
from storyville.results import BuildError, ErrorKind, Frame
from storyville.text import encodable

_WIDE_ENCODINGS = (  # UTF-32's marks first: UTF-16's are their prefixes
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


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


def _import_at(file: str, line: int) -> tuple[ast.Import | ast.ImportFrom, list[str]] | None:
    """The import statement running on `line` of `file`, and the file's lines."""
    source = "".join(linecache.getlines(file))
    try:
        tree = ast.parse(source, file)
    except SyntaxError, ValueError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom) and node.lineno <= line <= (
            node.end_lineno or node.lineno
        ):
            return node, source.splitlines()
    return None


def import_statement_range(file: str, line: int, missing: str | None) -> SourceRef | None:
    """The import statement on `line` (narrowed to the missing name when there is one)."""
    if (found := _import_at(file, line)) is None:
        return None
    node, lines = found
    target: ast.AST = node
    for alias in node.names:
        if missing and (alias.name == missing or alias.name.startswith(missing + ".")):
            target = alias
    return SourceRef(
        file,
        target.lineno,  # type: ignore[attr-defined]
        _char_col(lines, target.lineno, target.col_offset),  # type: ignore[attr-defined]
        target.end_lineno,  # type: ignore[attr-defined]
        _char_col(lines, target.end_lineno, target.end_col_offset),  # type: ignore[attr-defined]
    )


def _imported_names(node: ast.Import | ast.ImportFrom, package: str) -> list[str]:
    """The modules a statement may import, each after its parents: `import a.b` is a, a.b."""
    if isinstance(node, ast.Import):
        bases, names = [alias.name for alias in node.names], []
    else:
        base = node.module or ""
        if node.level:
            base = importlib.util.resolve_name("." * node.level + base, package)
        bases, names = [base], [f"{base}.{a.name}" for a in node.names if a.name != "*"]
    parents = [".".join(b.split(".")[: i + 1]) for b in bases for i in range(b.count(".") + 1)]
    return list(dict.fromkeys([*parents, *names]))


def _failed_import(exc: BaseException, user: UserFiles) -> str | None:
    """The file of the user's module that the innermost user import statement failed to
    load: Python does not say when a module's bytes cannot be read as source."""
    innermost = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in user:
            innermost = tb
        tb = tb.tb_next
    if innermost is None:
        return None
    file, line = innermost.tb_frame.f_code.co_filename, innermost.tb_lineno
    if (found := _import_at(file, line)) is None:
        return None
    package = innermost.tb_frame.f_globals.get("__package__") or ""
    for name in _imported_names(found[0], package):
        if name in sys.modules:
            continue
        if "." in name and name.rpartition(".")[0] not in sys.modules:
            return None  # finding it would import (and run) its parent
        try:
            spec = importlib.util.find_spec(name)
        except Exception:  # noqa: BLE001 - not a module, or not one that can be found
            continue
        if spec is not None and spec.origin is not None and spec.origin in user:
            return spec.origin
    return None


def unreadable_source(file: str) -> tuple[SourceRef, str]:
    """Where a file's bytes stop it being read as Python source, and a hint: its first line
    when it is saved as UTF-16 or UTF-32, else its first NUL byte."""
    try:
        data = Path(file).read_bytes()
    except OSError:
        return SourceRef(file, 1), ""
    wide = next((name for bom, name in _WIDE_ENCODINGS if data.startswith(bom)), None)
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if wide is None and len(data) > 1 and min(even, odd) == 0 and max(even, odd) > len(data) // 4:
        wide = "UTF-16"  # no byte order mark, but every other byte is NUL
    if wide is not None:
        return SourceRef(file, 1), f" (the file is saved as {wide}: save it as UTF-8)"
    if (nul := data.find(b"\0")) < 0:
        return SourceRef(file, 1), ""
    line = data.count(b"\n", 0, nul) + 1
    column = len(data[data.rfind(b"\n", 0, nul) + 1 : nul].decode("utf-8", "replace"))
    return SourceRef(file, line, column, line, column + 1), ""


def _unplaced_syntax(
    exc: SyntaxError, user: UserFiles, has_user_frames: bool, fallback: SourceRef | None
) -> tuple[SourceRef, str] | None:
    """Where a SyntaxError without a file (a NUL byte, UTF-16) is: in the module being
    imported (the import itself is among the frames), else in `fallback`'s file; None for
    one the user's own code raised."""
    file = _failed_import(exc, user)
    if file is None and not has_user_frames and fallback is not None:
        file = fallback.file
    return unreadable_source(file) if file is not None else None


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
    error = _locate(exc, user, module, story, fallback)
    cleaned = encodable(error.message)  # an exception's text may hold lone surrogates
    return error if cleaned == error.message else replace(error, message=cleaned)


def _locate(
    exc: BaseException,
    user: UserFiles,
    module: str | None,
    story: str | None,
    fallback: SourceRef | None,
) -> BuildError:
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
        case SyntaxError() if exc.filename is None and (
            found := _unplaced_syntax(exc, user, bool(user_frames), fallback)
        ):
            where, hint = found
            message = f"{exc_type}: {exc.msg}{hint}"
            return BuildError(ErrorKind.SYNTAX, message, where, exc_type, frames, story, module)
        case ImportError():
            where = deepest
            if user_frames:
                last = user_frames[-1]
                where = import_statement_range(last.file, last.line, _missing_name(exc)) or where
            message = f"{exc_type}: {exc}"
            if "does not support loading in subinterpreters" in str(exc):
                message += (
                    f" ({exc.name or 'this C extension'} cannot load in a subinterpreter: "
                    "build in a fresh process with --no-use-subinterpreters, or "
                    "useSubinterpreters: false in the editor)"
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
