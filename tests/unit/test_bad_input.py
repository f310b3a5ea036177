"""Bad input without a place of its own still gets one: unencodable text, unreadable source.

Lone surrogates are cleaned and warned about once, where text leaves the user's code; a
SyntaxError Python raises without a file (a NUL byte, UTF-16) goes on the file that holds it;
an error that only knows its stories module goes on that module's first line.
"""

import ast
import codecs
import importlib
import sys
import uuid
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.workspace import PositionCodec
from storyville.catalog.files import UserFiles
from storyville.catalog.source import SourceRef
from storyville.collect.collector import Unencodable
from storyville.collect.locate import _imported_names, locate, unreadable_source
from storyville.collect.snapshot import NodeData, NodeKind, Snapshot, warnings_of
from storyville.crashes import crash_error
from storyville.lsp.diagnostics import DiagnosticMaker
from storyville.lsp.syntax import syntax_error
from storyville.results import BuildError, ErrorKind
from storyville.text import encodable, meant, surrogates, utf8

# --- text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "runs", "cleaned"),
    [
        pytest.param("plain", [], "plain", id="ASCII"),
        pytest.param("Café 😀", [], "Café 😀", id="encodable"),
        pytest.param("a\ud800b", ["\ud800"], "a\ufffdb", id="lone"),
        pytest.param("\ud83d\ude00!", ["\ud83d\ude00"], "\ufffd\ufffd!", id="a pair is two"),
        pytest.param("\udc80x\udfff", ["\udc80", "\udfff"], "\ufffdx\ufffd", id="two runs"),
    ],
)
def test_surrogates_and_their_replacement(text: str, runs: list[str], cleaned: str) -> None:
    assert surrogates(text) == runs
    assert encodable(text) == cleaned
    assert utf8(text) == cleaned.encode()


@pytest.mark.parametrize(
    ("run", "character"),
    [
        pytest.param("\ud83d\ude00", "😀", id="a UTF-16 pair"),
        pytest.param("\ud800", None, id="lone high"),
        pytest.param("\ude00\ud83d", None, id="pair the wrong way round"),
    ],
)
def test_what_a_run_of_surrogates_meant(run: str, character: str | None) -> None:
    assert meant(run) == character


# --- the warning about replaced text -------------------------------------------------------

WHERE = SourceRef("/ws/shop/parts/button/stories.py", 7, 8)


def test_unencodable_cleans_only_strings_with_surrogates() -> None:
    text = Unencodable()
    assert text.clean(None, "the description") is None
    assert text.clean(3, "the title") == 3
    assert text.clean("fine", "the title") == "fine"
    assert text.warning("Button › Primary", WHERE, "shop.stories") is None


def test_one_warning_names_every_part_and_the_pair_it_meant() -> None:
    text = Unencodable()
    assert text.clean("Odd \ud800", "the title") == "Odd \ufffd"
    text.clean("<p>\ud800</p>", "the HTML")
    text.clean("\ud83d\ude00", "the description")
    warning = text.warning("Button › Odd \ufffd", WHERE, "shop.stories")
    assert warning is not None
    assert (warning.kind, warning.source, warning.module) == (
        ErrorKind.UNENCODABLE,
        WHERE,
        "shop.stories",
    )
    assert warning.message == (
        "Button › Odd \ufffd: the title, the HTML and the description hold "
        "'\\ud800', '\\ud83d\\ude00', lone surrogates that no page can encode; pages show "
        "U+FFFD (\ufffd) instead ('\\ud83d\\ude00' is a UTF-16 pair: write '😀' or "
        "'\\U0001f600')"
    )
    assert not surrogates(warning.message)


def test_a_single_lone_surrogate_is_one() -> None:
    text = Unencodable()
    text.clean("\ud800", "the title")
    warning = text.warning("Button › \ufffd", WHERE, "shop.stories")
    assert warning is not None
    assert "the title holds '\\ud800', a lone surrogate that" in warning.message


def test_warnings_stay_with_their_node_through_a_partial_build() -> None:
    def node(path: str, *warnings: str) -> NodeData:
        return NodeData(
            path,
            NodeKind.SUBJECT,
            path,
            f"shop.{path}.stories",
            f"/ws/shop/{path}/stories.py",
            warnings=tuple(BuildError(ErrorKind.UNENCODABLE, w, WHERE) for w in warnings),
        )

    before = Snapshot("shop", {"a": node("a", "a1"), "b": node("b", "b1", "b2")})
    after = before.merged(Snapshot("shop", {"b": node("b")}))  # b rebuilt, now clean
    assert [w.message for w in warnings_of(before)] == ["a1", "b1", "b2"]
    assert [w.message for w in warnings_of(after)] == ["a1"]


def test_replaced_text_is_a_warning_in_the_editor() -> None:
    encode = PositionCodec(types.PositionEncodingKind.Utf16).position_to_client_units
    maker = DiagnosticMaker(lambda _: ["x = 1"] * 8, encode, UserFiles(("/ws/",)))
    warning = BuildError(ErrorKind.UNENCODABLE, "replaced", WHERE, module="shop.stories")
    diagnostic = maker.diagnostic(warning)
    assert diagnostic.severity == types.DiagnosticSeverity.Warning
    assert diagnostic.code == "unencodable-text"


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        pytest.param(ErrorKind.UNENCODABLE, "f.py:7:9: warning: odd", id="warning"),
        pytest.param(ErrorKind.EXCEPTION, "f.py:7:9: odd", id="error"),
    ],
)
def test_headline_says_warning(kind: ErrorKind, expected: str) -> None:
    assert BuildError(kind, "odd", SourceRef("/ws/f.py", 7, 8)).headline("/ws") == expected


# --- errors that know only their stories module --------------------------------------------

STORIES = {"shop.parts.stories": "/ws/shop/parts/stories.py"}


@pytest.mark.parametrize(
    ("error", "placed"),
    [
        pytest.param(
            BuildError(ErrorKind.EXCEPTION, "x", module="shop.parts.stories"),
            SourceRef("/ws/shop/parts/stories.py", 1),
            id="module only: its first line",
        ),
        pytest.param(
            BuildError(
                ErrorKind.EXCEPTION, "x", SourceRef("/ws/a.py", 3), module="shop.parts.stories"
            ),
            SourceRef("/ws/a.py", 3),
            id="a better place is kept",
        ),
        pytest.param(
            BuildError(ErrorKind.CRASH, "x", module="shop.other.stories"), None, id="unknown module"
        ),
        pytest.param(BuildError(ErrorKind.CONFIG, "no package"), None, id="no module: no file"),
    ],
)
def test_placed(error: BuildError, placed: SourceRef | None) -> None:
    assert error.placed(STORIES).source == placed


def test_a_crash_while_importing_names_the_module() -> None:
    error = crash_error(-11, "", "importing shop.parts.stories", UserFiles(("/ws/",)))
    assert (error.module, error.story, error.source) == ("shop.parts.stories", None, None)
    assert error.placed(STORIES).source == SourceRef("/ws/shop/parts/stories.py", 1)
    rendering = crash_error(-11, "", "rendering Button › Primary", UserFiles(("/ws/",)))
    assert (rendering.module, rendering.story) == (None, "Button › Primary")


# --- source Python cannot read -------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "where", "hint"),
    [
        pytest.param(b"x = 1\n", (1, 0, None), "", id="readable: first line"),
        pytest.param(b"a = 1\nb = '\xc3\xa9\0'\n", (2, 6, 7), "", id="NUL, after an accent"),
        pytest.param(b"\0", (1, 0, 1), "", id="NUL first"),
        pytest.param("x = 1\n".encode("utf-16"), (1, 0, None), "UTF-16", id="UTF-16 with BOM"),
        pytest.param("x = 1\n".encode("utf-16-be"), (1, 0, None), "UTF-16", id="UTF-16 BE"),
        pytest.param("x = 1\n".encode("utf-16-le"), (1, 0, None), "UTF-16", id="UTF-16 LE"),
        pytest.param(
            codecs.BOM_UTF32_LE + "x\n".encode("utf-32-le"), (1, 0, None), "UTF-32", id="UTF-32"
        ),
    ],
)
def test_unreadable_source(
    tmp_path: Path, data: bytes, where: tuple[int, int, int | None], hint: str
) -> None:
    file = tmp_path / "stories.py"
    file.write_bytes(data)
    ref, said = unreadable_source(str(file))
    assert (ref.file, ref.line, ref.column, ref.end_column) == (str(file), *where)
    assert (hint in said) if hint else said == ""


def test_unreadable_source_of_a_missing_file(tmp_path: Path) -> None:
    assert unreadable_source(str(tmp_path / "gone.py")) == (
        SourceRef(str(tmp_path / "gone.py"), 1),
        "",
    )


@pytest.mark.parametrize(
    ("data", "line", "hint"),
    [
        pytest.param(b"x = 1\ny = 2\0\n", 2, "", id="NUL byte"),
        pytest.param("x = 1\n".encode("utf-16"), 1, "saved as UTF-16", id="UTF-16"),
        pytest.param(b"x = (\n", 1, "", id="an ordinary syntax error"),
    ],
)
def test_on_save_check_places_what_python_does_not(
    tmp_path: Path, data: bytes, line: int, hint: str
) -> None:
    file = tmp_path / "stories.py"
    file.write_bytes(data)
    error = syntax_error(str(file), UserFiles((str(tmp_path) + "/",)))
    assert error is not None
    assert (error.kind, error.file, error.line) == (ErrorKind.SYNTAX, str(file), line)
    assert hint in error.message


def test_on_save_check_of_good_and_missing_files(tmp_path: Path) -> None:
    user = UserFiles((str(tmp_path) + "/",))
    (tmp_path / "good.py").write_text("x = 1\n")
    assert syntax_error(str(tmp_path / "good.py"), user) is None
    assert syntax_error(str(tmp_path / "gone.py"), user) is None


def test_a_syntax_error_the_users_code_raises_stays_at_their_frame(tmp_path: Path) -> None:
    """compile() of a string with a NUL byte in the user's own code is not about a file."""
    user = UserFiles((str(tmp_path) + "/",))
    with pytest.raises(SyntaxError) as raised:
        raise SyntaxError("source code string cannot contain null bytes")
    error = locate(raised.value, user)
    assert (error.kind, error.source) == (ErrorKind.EXCEPTION, None)


def test_exception_text_is_cleaned() -> None:
    with pytest.raises(RuntimeError) as raised:
        raise RuntimeError("bad \ud800 text")
    error = locate(raised.value, UserFiles(("/ws/",)))
    assert error.message == "RuntimeError: bad \ufffd text"


@pytest.mark.parametrize(
    ("statement", "package", "names"),
    [
        pytest.param("import a.b.c", "", ["a", "a.b", "a.b.c"], id="import: parents first"),
        pytest.param("import a, b as c", "", ["a", "b"], id="two modules"),
        pytest.param(
            "from .comp import W",
            "shop.w",
            ["shop", "shop.w", "shop.w.comp", "shop.w.comp.W"],
            id="relative",
        ),
        pytest.param("from .. import x", "shop.w", ["shop", "shop.x"], id="parent package"),
        pytest.param("from a import *", "", ["a"], id="star"),
    ],
)
def test_imported_names(statement: str, package: str, names: list[str]) -> None:
    node = ast.parse(statement).body[0]
    assert isinstance(node, ast.Import | ast.ImportFrom)
    assert _imported_names(node, package) == names


def test_a_nul_byte_in_an_imported_module_is_on_that_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = f"bad_{uuid.uuid4().hex[:8]}"
    (tmp_path / package).mkdir()
    (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / package / "stories.py").write_text("x = 1\nfrom .comp import Widget\n")
    (tmp_path / package / "comp.py").write_bytes(b"a = 1\nb = 2\0\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    user = UserFiles((str(tmp_path) + "/",))
    try:
        with pytest.raises(SyntaxError) as raised:
            importlib.import_module(f"{package}.stories")
        error = locate(raised.value, user, module=f"{package}.stories")
    finally:
        for name in [m for m in sys.modules if m.startswith(package)]:
            del sys.modules[name]
    assert error.kind is ErrorKind.SYNTAX
    assert error.source == SourceRef(str(tmp_path / package / "comp.py"), 2, 5, 2, 6)
    assert [(f.file, f.line) for f in error.frames if f.file in user] == [
        (str(tmp_path / package / "stories.py"), 2)  # the import: shown as a caller
    ]
