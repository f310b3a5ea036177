"""The on-save syntax check: a syntax error is reported at once, without a build."""

from __future__ import annotations

from pathlib import Path

from storyville.catalog.files import UserFiles
from storyville.catalog.source import SourceRef
from storyville.collect.locate import locate, unreadable_source
from storyville.results import BuildError, ErrorKind

_ONLY_AST = 0x400  # ast.PyCF_ONLY_AST: parse, do not compile


def syntax_error(path: str, user: UserFiles) -> BuildError | None:
    """The file's syntax error located on its line, or None (also for an unreadable file).

    Source Python cannot read at all (a NUL byte, UTF-16) has no line of its own: it goes
    on the NUL byte or the first line, where an editor shows it.
    """
    try:
        source = Path(path).read_bytes()
        compile(source, path, "exec", flags=_ONLY_AST, dont_inherit=True)
    except SyntaxError as exc:
        return locate(exc, user, fallback=SourceRef(path, 1))
    except ValueError as exc:  # what older Pythons raise for a NUL byte
        where, hint = unreadable_source(path)
        return BuildError(ErrorKind.SYNTAX, f"ValueError: {exc}{hint}", where, "ValueError")
    except OSError:
        return None
    return None
