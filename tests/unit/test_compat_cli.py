"""Branches of the Storyville 0.1 compatibility bits: pyproject package, 0.1 sites, seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from storyville.cli import UsageError, configured_package
from storyville.seed import SIZES, SeedError, check_destination, py, seed, spread
from storyville.site.writer import legacy_site_files


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[tool.storyville]\npackage = "shop.catalog"\n', "shop.catalog"),
        ("[tool.storyville.pytest]\nenabled = true\n", None),  # 0.1's only table
        ("[tool.storyville]\npackage = 3\n", None),
        ('[project]\nname = "x"\n', None),
        ("not = [toml", "cannot read"),
    ],
)
def test_configured_package(tmp_path: Path, text: str, expected: str | None) -> None:
    (tmp_path / "pyproject.toml").write_text(text)
    if expected and not expected.startswith("cannot"):
        assert configured_package(tmp_path) == expected
        return
    with pytest.raises(UsageError, match=expected or "no PACKAGE given"):
        configured_package(tmp_path)


def test_configured_package_without_pyproject(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no PACKAGE given"):
        configured_package(tmp_path)


def _write(root: Path, *names: str) -> Path:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x")
    return root


OLD_TOP = ("index.html", "about.html", "debug.html")


def test_a_storyville_01_site_is_recognised(tmp_path: Path) -> None:
    _write(tmp_path, *OLD_TOP, "static/a.css", "s/t/story-0/index.html")
    assert sorted(legacy_site_files(tmp_path) or []) == sorted(
        [*OLD_TOP, "static/a.css", "s/t/story-0/index.html"]
    )


@pytest.mark.parametrize(
    "files",
    [
        ("index.html",),  # anyone's index.html
        ("index.html", "about.html"),  # no debug.html
        (*OLD_TOP, "notes.txt"),  # another file at the top
        (*OLD_TOP, "docs/report.pdf"),  # another file below
    ],
)
def test_other_directories_are_not_storyville_01_sites(
    tmp_path: Path, files: tuple[str, ...]
) -> None:
    assert legacy_site_files(_write(tmp_path, *files)) is None


def test_spread_is_even_with_the_remainder_first() -> None:
    assert spread(1, 2) == [2]
    assert spread(3, 8) == [3, 3, 2]


def test_sizes_are_storyville_01s() -> None:
    counts = {name: size.subjects * size.stories for name, size in SIZES.items()}
    assert counts == {"small": 4, "medium": 8, "large": 24}


def test_destination_checks(tmp_path: Path) -> None:
    assert check_destination(tmp_path / "fresh") == "fresh"
    (tmp_path / "empty").mkdir()
    assert check_destination(tmp_path / "empty") == "empty"
    for bad in ("class", "2nd", "my-cat"):
        with pytest.raises(SeedError, match="not a Python package name"):
            check_destination(tmp_path / bad)
    (tmp_path / "file").write_text("x")
    with pytest.raises(SeedError, match="already exists"):
        check_destination(tmp_path / "file")


def test_unknown_size_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="unknown size"):
        seed("tiny", tmp_path / "cat")
    assert not (tmp_path / "cat").exists()


def test_literals_are_written_as_ruff_formats_them() -> None:
    assert (
        py({"label": "Buy now", "busy": True, "n": 2})
        == '{"label": "Buy now", "busy": True, "n": 2}'
    )
    assert py("12 €") == '"12 €"'
