"""Build errors as LSP diagnostics: ranges in the client's units, related information."""

from collections.abc import Sequence

import pytest
from lsprotocol import types
from pygls.uris import from_fs_path
from pygls.workspace import PositionCodec
from storyville.catalog.files import UserFiles
from storyville.catalog.source import SourceRef
from storyville.lsp.diagnostics import SOURCE, DiagnosticMaker, to_range
from storyville.results import BuildError, ErrorKind, Frame

UTF8 = PositionCodec(types.PositionEncodingKind.Utf8).position_to_client_units
UTF16 = PositionCodec(types.PositionEncodingKind.Utf16).position_to_client_units
UTF32 = PositionCodec(types.PositionEncodingKind.Utf32).position_to_client_units

FILE = "/ws/shop/parts/button/comp.py"
LINES = [
    "def Button():",  # 1
    "    boom()  ",  # 2: indented, trailing spaces
    "x = '😋'; fail()",  # 3: 😋 is 1 code point, 2 UTF-16 units, 4 UTF-8 bytes
    "é = f(1)",  # 4: é is 1 code point, 1 UTF-16 unit, 2 UTF-8 bytes
    "\tcall()",  # 5: tab indentation
    "    ",  # 6: blank but for indentation
    "",  # 7
]


def rng(start: tuple[int, int], end: tuple[int, int]) -> types.Range:
    return types.Range(
        start=types.Position(line=start[0], character=start[1]),
        end=types.Position(line=end[0], character=end[1]),
    )


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        # lines are 1-based in SourceRef and 0-based in LSP; columns are 0-based in both
        pytest.param(SourceRef(FILE, 2, 4, 2, 8), ((1, 4), (1, 8)), id="explicit range"),
        pytest.param(SourceRef(FILE, 1, 0, 2, 10), ((0, 0), (1, 10)), id="several lines"),
        pytest.param(SourceRef(FILE, 2), ((1, 4), (1, 10)), id="no end: rest of line"),
        pytest.param(SourceRef(FILE, 2, 6), ((1, 6), (1, 10)), id="no end from a column"),
        pytest.param(SourceRef(FILE, 2, 4, 2, 4), ((1, 4), (1, 10)), id="empty range"),
        pytest.param(SourceRef(FILE, 2, 6, 2, 2), ((1, 6), (1, 10)), id="end before start"),
        pytest.param(SourceRef(FILE, 2, 6, 1, 12), ((1, 6), (1, 10)), id="end line before"),
        pytest.param(SourceRef(FILE, 2, 0, None, 6), ((1, 0), (1, 6)), id="end on same line"),
        pytest.param(SourceRef(FILE, 5), ((4, 1), (4, 7)), id="tab indentation"),
        pytest.param(SourceRef(FILE, 6), ((5, 4), (5, 4)), id="blank line"),
        pytest.param(SourceRef(FILE, 7), ((6, 0), (6, 0)), id="empty line"),
        pytest.param(SourceRef(FILE, 1, 50, 1, 60), ((0, 13), (0, 13)), id="past line end"),
        pytest.param(SourceRef(FILE, 0), ((0, 0), (0, 13)), id="line 0 taken as 1"),
        # beyond the end of the file: an empty range just past the last line
        pytest.param(SourceRef(FILE, 99), ((7, 0), (7, 0)), id="past the end of the file"),
        pytest.param(SourceRef(FILE, 7, 0, 99, 3), ((6, 0), (7, 0)), id="end past the file"),
    ],
)
def test_to_range(ref: SourceRef, expected: tuple[tuple[int, int], tuple[int, int]]) -> None:
    assert to_range(ref, LINES, UTF16) == rng(*expected)


@pytest.mark.parametrize(
    ("ref", "utf8", "utf16", "utf32"),
    [
        # `fail()` after the emoji: code points 9..15
        pytest.param(SourceRef(FILE, 3, 9, 3, 15), (12, 18), (10, 16), (9, 15), id="emoji"),
        pytest.param(SourceRef(FILE, 3, 5, 3, 6), (5, 9), (5, 7), (5, 6), id="the emoji"),
        pytest.param(SourceRef(FILE, 3, 0), (0, 18), (0, 16), (0, 15), id="emoji, no end"),
        pytest.param(SourceRef(FILE, 4, 4, 4, 8), (5, 9), (4, 8), (4, 8), id="accent"),
        pytest.param(SourceRef(FILE, 4, 0, 4, 1), (0, 2), (0, 1), (0, 1), id="the accent"),
    ],
)
def test_to_range_in_client_units(
    ref: SourceRef, utf8: tuple[int, int], utf16: tuple[int, int], utf32: tuple[int, int]
) -> None:
    line = ref.line - 1
    for encode, (start, end) in ((UTF8, utf8), (UTF16, utf16), (UTF32, utf32)):
        assert to_range(ref, LINES, encode) == rng((line, start), (line, end))


def test_to_range_in_an_empty_file() -> None:
    assert to_range(SourceRef(FILE, 1), [], UTF16) == rng((0, 0), (0, 0))
    assert to_range(SourceRef(FILE, 3, 2, 3, 5), [], UTF16) == rng((0, 0), (0, 0))


# --- DiagnosticMaker -----------------------------------------------------------------------

ROOT = "/ws"
STORIES = "/ws/shop/parts/button/stories.py"
HELPER = "/ws/shop/helpers.py"
LIBRARY = "/usr/lib/python3.14/json/__init__.py"
FILES: dict[str, list[str]] = {
    FILE: LINES,
    STORIES: ["from .comp import Button", "", "def this_subject() -> Subject:", "    Button()"],
    HELPER: ["def helper():", "    return '😋' + go()"],
}


def lines(file: str) -> Sequence[str]:
    return FILES.get(file, [])


def uri(file: str) -> str:
    value = from_fs_path(file)
    assert value is not None
    return value


@pytest.fixture
def maker() -> DiagnosticMaker:
    return DiagnosticMaker(lines, UTF16, UserFiles((ROOT + "/",)))


def related(diagnostic: types.Diagnostic) -> list[tuple[str, types.Range, str]]:
    return [
        (r.location.uri, r.location.range, r.message) for r in diagnostic.related_information or []
    ]


def test_diagnostic_of_an_exception(maker: DiagnosticMaker) -> None:
    error = BuildError(ErrorKind.EXCEPTION, "NameError: boom", SourceRef(FILE, 2, 4, 2, 8))
    diagnostic = maker.diagnostic(error)
    assert diagnostic.range == rng((1, 4), (1, 8))
    assert diagnostic.message == "NameError: boom"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.code == "exception"
    assert diagnostic.source == SOURCE
    assert diagnostic.related_information is None


def test_failed_assertion_is_a_warning(maker: DiagnosticMaker) -> None:
    error = BuildError(
        ErrorKind.ASSERTION,
        "Button › Default: has label failed",
        SourceRef(STORIES, 4, 4, 4, 12),
        module="shop.parts.button.stories",
        frames=(Frame(STORIES, 4, "this_subject"),),
        related=((SourceRef(HELPER, 2, 17, 2, 21), "the failing assertion"),),
    )
    diagnostic = maker.diagnostic(error)
    assert diagnostic.severity == types.DiagnosticSeverity.Warning
    assert diagnostic.code == "assertion-failed"
    # the given related information, in UTF-16; no "while loading" for assertions
    assert related(diagnostic) == [
        (uri(HELPER), rng((1, 18), (1, 22)), "the failing assertion"),  # `go()`
    ]


def test_callers_and_the_loading_module_are_related(maker: DiagnosticMaker) -> None:
    error = BuildError(
        ErrorKind.EXCEPTION,
        "ZeroDivisionError: division by zero",
        SourceRef(FILE, 3, 9, 3, 15),
        module="shop.parts.button.stories",
        frames=(
            Frame(STORIES, 4, "<module>", column=4, end_column=12),
            Frame(LIBRARY, 10, "loads"),  # not the user's: left out
            Frame(HELPER, 2, "helper"),  # no columns: the rest of its line
            Frame(FILE, 3, "Button", column=9, end_column=15),  # the error's own line
        ),
    )
    diagnostic = maker.diagnostic(error)
    assert diagnostic.range == rng((2, 10), (2, 16))
    assert related(diagnostic) == [
        (uri(STORIES), rng((3, 4), (3, 12)), "called from <module>()"),
        (uri(HELPER), rng((1, 4), (1, 22)), "called from helper()"),
        (uri(STORIES), rng((0, 0), (0, 24)), "while loading shop.parts.button.stories"),
    ]


def test_at_most_five_callers_the_innermost(maker: DiagnosticMaker) -> None:
    frames = tuple(Frame(FILE, line, f"f{line}") for line in (1, 2, 3, 4, 5, 6, 7))
    error = BuildError(ErrorKind.EXCEPTION, "deep", SourceRef(HELPER, 1), frames=frames)
    messages = [message for _, _, message in related(maker.diagnostic(error))]
    assert messages == [f"called from f{line}()" for line in (3, 4, 5, 6, 7)]


def test_no_loading_note_when_the_error_is_in_the_stories_module(
    maker: DiagnosticMaker,
) -> None:
    error = BuildError(
        ErrorKind.IMPORT,
        "ImportError: no Button",
        SourceRef(STORIES, 1, 0, 1, 24),
        module="shop.parts.button.stories",
        frames=(Frame(STORIES, 1, "<module>"),),
    )
    assert maker.diagnostic(error).related_information is None


def test_by_uri_groups_diagnostics_per_file(maker: DiagnosticMaker) -> None:
    errors = [
        BuildError(ErrorKind.EXCEPTION, "first", SourceRef(FILE, 2)),
        BuildError(ErrorKind.STRUCTURE, "no source"),  # nowhere to show it: left out
        BuildError(ErrorKind.ASSERTION, "second", SourceRef(STORIES, 4)),
        BuildError(ErrorKind.SYNTAX, "third", SourceRef(FILE, 3, 9, 3, 15)),
    ]
    grouped = maker.by_uri(errors)
    assert set(grouped) == {uri(FILE), uri(STORIES)}
    assert [(d.message, d.range) for d in grouped[uri(FILE)]] == [
        ("first", rng((1, 4), (1, 10))),
        ("third", rng((2, 10), (2, 16))),
    ]
    assert [d.message for d in grouped[uri(STORIES)]] == ["second"]
    assert maker.by_uri([]) == {}


def test_uri_of_a_file_with_spaces_and_accents(maker: DiagnosticMaker) -> None:
    file = "/ws/my shop/café.py"
    grouped = maker.by_uri([BuildError(ErrorKind.EXCEPTION, "x", SourceRef(file, 1))])
    assert list(grouped) == ["file:///ws/my%20shop/caf%C3%A9.py"]
