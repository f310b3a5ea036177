"""BuildError.brief: what the preview's error banner receives of an error."""

from __future__ import annotations

from storyville.catalog.source import SourceRef
from storyville.results import BuildError, ErrorKind


def test_brief_keeps_the_absolute_file_and_shows_it_relative() -> None:
    error = BuildError(
        ErrorKind.EXCEPTION, "boom", SourceRef("/work/shop/a/comp.py", 4, 2), story="A › B"
    )
    assert error.brief("/work/") == {
        "kind": "exception",
        "file": "/work/shop/a/comp.py",
        "shown": "shop/a/comp.py",
        "line": 4,
        "message": "boom",
        "story": "A › B",
    }
    assert error.brief()["shown"] == "/work/shop/a/comp.py"
    assert error.brief("/elsewhere")["shown"] == "/work/shop/a/comp.py"


def test_brief_of_an_error_without_a_place() -> None:
    brief = BuildError(ErrorKind.CONFIG, "no catalog").brief("/work")
    assert (brief["file"], brief["shown"], brief["line"]) == (None, None, None)
