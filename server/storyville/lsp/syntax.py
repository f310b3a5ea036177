"""The syntax check: a syntax error is reported at once, without a build.

One check for both moments: on save it reads the file; while typing it is given the
document's unsaved text (`typing_syntax.py`).
"""

from __future__ import annotations

from pathlib import Path

from storyville.catalog.files import UserFiles
from storyville.catalog.source import SourceRef
from storyville.collect.locate import locate, unreadable_source
from storyville.results import BuildError, ErrorKind

_ONLY_AST = 0x400  # ast.PyCF_ONLY_AST: parse, do not compile
_UNSAVED = "<unsaved>"


def syntax_error(path: str, user: UserFiles, text: str | None = None) -> BuildError | None:
    """The file's syntax error located on its line, or None (also for an unreadable file).

    `text`: the editor's unsaved text of the file, checked instead of what is on disk.
    Source Python cannot read at all (a NUL byte, UTF-16) has no line of its own: it goes
    on the NUL byte or the first line, where an editor shows it.
    """
    if text is not None and (nul := text.find("\0")) >= 0:
        line = text.count("\n", 0, nul) + 1
        column = nul - (text.rfind("\n", 0, nul) + 1)
        where = SourceRef(path, line, column, line, column + 1)
        message = "SyntaxError: source code string cannot contain null bytes"
        return BuildError(ErrorKind.SYNTAX, message, where, "SyntaxError")
    try:
        if text is None:
            compile(Path(path).read_bytes(), path, "exec", flags=_ONLY_AST, dont_inherit=True)
        else:
            # Not under the file's name: Python would place the error with the line on disk.
            compile(text, _UNSAVED, "exec", flags=_ONLY_AST, dont_inherit=True)
    except SyntaxError as exc:
        if exc.filename == _UNSAVED:
            exc.filename = path
        return locate(exc, user, fallback=SourceRef(path, 1))
    except ValueError as exc:  # what older Pythons raise for a NUL byte
        where, hint = unreadable_source(path)
        return BuildError(ErrorKind.SYNTAX, f"ValueError: {exc}{hint}", where, "ValueError")
    except OSError:
        return None
    return None
