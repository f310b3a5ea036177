"""One mistake met by several stories is one error naming them all."""

from __future__ import annotations

import pytest
from storyville.catalog.source import SourceRef
from storyville.results import BuildError, ErrorKind, one_per_cause

HERE = SourceRef("/ws/shop/button.py", 7, 4)
THERE = SourceRef("/ws/shop/card.py", 3, 0)


def met(story: str, source: SourceRef = HERE, message: str = "NameError: x") -> BuildError:
    return BuildError(
        ErrorKind.EXCEPTION,
        f"{message} (while rendering {story})",
        source,
        message.split(":", maxsplit=1)[0],
        story=story,
    )


@pytest.mark.parametrize(
    ("errors", "messages"),
    [
        pytest.param([], [], id="none"),
        pytest.param([met("B › One")], ["NameError: x (while rendering B › One)"], id="one"),
        pytest.param(
            [met("B › One"), met("B › Two"), met("B › Three")],
            ["NameError: x (while rendering B › One, B › Two, B › Three)"],
            id="three stories, one cause",
        ),
        pytest.param(
            [met("B › One"), met("C › One", THERE)],
            ["NameError: x (while rendering B › One)", "NameError: x (while rendering C › One)"],
            id="two places",
        ),
        pytest.param(
            [met("B › One"), met("B › Two", message="TypeError: y")],
            ["NameError: x (while rendering B › One)", "TypeError: y (while rendering B › Two)"],
            id="two mistakes",
        ),
        pytest.param(
            [met("B › One"), met("B › One")],
            ["NameError: x (while rendering B › One)"],
            id="the same story twice",
        ),
        pytest.param(
            [BuildError(ErrorKind.SYNTAX, "SyntaxError: bad", HERE)] * 2,
            ["SyntaxError: bad"],
            id="no story",
        ),
    ],
)
def test_one_per_cause(errors: list[BuildError], messages: list[str]) -> None:
    assert [e.message for e in one_per_cause(errors)] == messages


def test_the_first_error_keeps_its_location_and_frames() -> None:
    [merged] = one_per_cause([met("B › One"), met("B › Two")])
    assert merged.source == HERE
    assert merged.story == "B › One"
