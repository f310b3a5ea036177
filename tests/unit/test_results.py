"""A build's one-line summary and its errors' `file:line:column: message` headlines."""

import pytest
from storyville.catalog.source import SourceRef
from storyville.results import BuildError, BuildResult, ErrorKind

FILE = "/ws/shop/parts/button/comp.py"


@pytest.mark.parametrize(
    ("source", "relative_to", "expected"),
    [
        pytest.param(None, None, "error: boom", id="no source"),
        pytest.param(None, "/ws", "error: boom", id="no source, relative"),
        pytest.param(SourceRef(FILE, 3), None, f"{FILE}:3:1: boom", id="absolute, 1-based column"),
        pytest.param(SourceRef(FILE, 3, 7), None, f"{FILE}:3:8: boom", id="column"),
        pytest.param(
            SourceRef(FILE, 3, 7), "/ws", "shop/parts/button/comp.py:3:8: boom", id="relative"
        ),
        pytest.param(
            SourceRef(FILE, 3), "/ws/", "shop/parts/button/comp.py:3:1: boom", id="trailing slash"
        ),
        pytest.param(
            SourceRef(FILE, 3), "/ws/shop/parts", "button/comp.py:3:1: boom", id="deeper root"
        ),
        pytest.param(SourceRef(FILE, 3), "/w", f"{FILE}:3:1: boom", id="a prefix is not a parent"),
        pytest.param(SourceRef(FILE, 3), "/ws/sh", f"{FILE}:3:1: boom", id="partial name"),
        pytest.param(SourceRef(FILE, 3), "/other", f"{FILE}:3:1: boom", id="elsewhere"),
        pytest.param(SourceRef(FILE, 3), "", f"{FILE}:3:1: boom", id="empty root"),
        pytest.param(SourceRef(FILE, 3), FILE, f"{FILE}:3:1: boom", id="the file itself"),
    ],
)
def test_headline(source: SourceRef | None, relative_to: str | None, expected: str) -> None:
    error = BuildError(ErrorKind.EXCEPTION, "boom", source)
    assert error.headline(relative_to=relative_to) == expected


def test_error_location_properties() -> None:
    error = BuildError(ErrorKind.SYNTAX, "bad", SourceRef(FILE, 9, 2))
    assert (error.file, error.line) == (FILE, 9)
    assert (BuildError(ErrorKind.CONFIG, "x").file, BuildError(ErrorKind.CONFIG, "x").line) == (
        None,
        None,
    )


def test_first_error() -> None:
    first = BuildError(ErrorKind.IMPORT, "first")
    result = BuildResult(ok=False, errors=(first, BuildError(ErrorKind.EXCEPTION, "second")))
    assert result.error is first
    assert BuildResult(ok=True).error is None


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        pytest.param(
            BuildResult(ok=True),
            "built 0 pages (0 changed), 0 stories, 0 assertions passed in 0 ms",
            id="nothing",
        ),
        pytest.param(
            BuildResult(
                ok=True,
                pages_written=1,
                pages_changed=("index.html",),
                stories=1,
                assertions_passed=1,
                timings={"total": 0.012},
            ),
            "built 1 page (1 changed), 1 story, 1 assertion passed in 12 ms",
            id="one of each",
        ),
        pytest.param(
            BuildResult(
                ok=True,
                pages_written=12,
                pages_changed=("index.html", "parts/button.html", "parts/button/0.html"),
                stories=7,
                assertions_passed=2,
                timings={"total": 0.0876},
            ),
            "built 12 pages (3 changed), 7 stories, 2 assertions passed in 88 ms",
            id="several",
        ),
        pytest.param(
            BuildResult(
                ok=True,
                pages_written=3,
                # assets are site files, not pages
                pages_changed=("index.html", "_storyville/catalog.js", "_storyville/site.css"),
                stories=2,
                assertions_passed=0,
                timings={"total": 0.004},
            ),
            "built 3 pages (1 changed), 2 stories, 0 assertions passed in 4 ms",
            id="changed assets are not pages",
        ),
        pytest.param(
            BuildResult(
                ok=True,
                pages_written=2,
                stories=2,
                assertions_passed=3,
                assertions_failed=1,
                timings={"total": 1.5},
            ),
            "built 2 pages (0 changed), 2 stories, 3 assertions passed, 1 failed in 1500 ms",
            id="failed assertions",
        ),
    ],
)
def test_summary(result: BuildResult, expected: str) -> None:
    assert result.summary() == expected


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        pytest.param(
            (BuildError(ErrorKind.EXCEPTION, "NameError: x"),),
            "build failed in 30 ms: NameError: x",
            id="one error",
        ),
        pytest.param(
            (
                BuildError(ErrorKind.SYNTAX, "invalid syntax"),
                BuildError(ErrorKind.EXCEPTION, "b"),
                BuildError(ErrorKind.EXCEPTION, "c"),
            ),
            "build failed in 30 ms: invalid syntax (+2 more)",
            id="several errors",
        ),
    ],
)
def test_summary_of_a_failed_build(errors: tuple[BuildError, ...], expected: str) -> None:
    # counts are not reported when the build failed
    result = BuildResult(ok=False, errors=errors, pages_written=5, timings={"total": 0.03})
    assert result.summary() == expected
