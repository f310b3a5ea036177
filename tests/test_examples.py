"""The example catalogs: their shape, and that each builds with storyville."""

from __future__ import annotations

from pathlib import Path

import pytest
from storyville.site.pipeline import build

from tests.helpers import REPO


def test_huge_has_storyville_01s_huge_shape() -> None:
    huge = REPO / "examples/huge"
    assert len(list(huge.rglob("stories.py"))) == 111
    sections = [d for d in huge.iterdir() if (d / "stories.py").is_file()]
    assert len(sections) == 10
    assert all(
        len([s for s in d.iterdir() if (s / "stories.py").is_file()]) == 10 for d in sections
    )


@pytest.mark.parametrize(
    ("package", "pages", "stories", "passed", "failed"),
    [
        ("examples.minimal", 5, 2, 0, 0),
        ("examples.complete", 56, 23, 21, 1),  # one assertion fails on purpose
        ("examples.huge", 411, 300, 54, 0),
    ],
)
def test_examples_build(
    tmp_path: Path, package: str, pages: int, stories: int, passed: int, failed: int
) -> None:
    result = build(package, tmp_path / "site", search_path=(str(REPO),))
    assert result.ok, [e.headline() for e in result.errors]
    assert (result.pages_written, result.stories) == (pages, stories)
    assert (result.assertions_passed, result.assertions_failed) == (passed, failed)
    html_bytes = sum(p.stat().st_size for p in (tmp_path / "site").rglob("*") if p.is_file())
    assert html_bytes < 5_000_000  # linear in the catalog: no navigation tree inlined per page
