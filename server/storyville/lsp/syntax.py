"""The on-save syntax check: a syntax error is reported at once, without a build."""

from __future__ import annotations

from pathlib import Path

from storyville.catalog.files import UserFiles
from storyville.collect.locate import locate
from storyville.results import BuildError

_ONLY_AST = 0x400  # ast.PyCF_ONLY_AST: parse, do not compile


def syntax_error(path: str, user: UserFiles) -> BuildError | None:
    """The file's syntax error located on its line, or None (also for an unreadable file)."""
    try:
        source = Path(path).read_bytes()
        compile(source, path, "exec", flags=_ONLY_AST, dont_inherit=True)
    except SyntaxError as exc:
        return locate(exc, user)
    except OSError, ValueError:
        return None
    return None
