"""storyville.lsp.pages: which built page each `Story(...)` made, and what its lens says."""

from __future__ import annotations

from pathlib import Path

from storyville.lsp.pages import outcome, placed_pages
from storyville.lsp.stories_source import SourceCache
from storyville.results import AssertionReport, PageReport

STORIES = """\
from storyville import Story, Subject


def this_subject() -> Subject:
    return Subject(
        title="Button",
        items=[
            Story(title="A"),
            Story(title="B"),
        ],
    )
"""


def reports(file: str, lines: tuple[int, int]) -> list[PageReport]:
    return [
        PageReport(file, None, "Button", "button/index.html", stories=2),
        PageReport(file, lines[0], "Button › A", "button/0.html", 0),
        PageReport(file, lines[1], "Button › B", "button/1.html", 1),
        PageReport("/elsewhere/stories.py", 8, "Other › A", "other/0.html", 0),
    ]


def test_stories_are_matched_by_line(tmp_path: Path) -> None:
    path = tmp_path / "stories.py"
    path.write_text(STORIES)
    info = SourceCache().info(str(path))
    assert info is not None
    placed = placed_pages(info, reports(str(path), (8, 9)))
    assert [(p.name_span.line, p.report.page) for p in placed] == [
        (4, "button/index.html"),
        (7, "button/0.html"),
        (8, "button/1.html"),
    ]


def test_unbuilt_edits_that_moved_lines_fall_back_to_order(tmp_path: Path) -> None:
    path = tmp_path / "stories.py"
    path.write_text(STORIES.replace("        items=[", "\n\n        items=["))
    info = SourceCache().info(str(path))
    assert info is not None
    placed = placed_pages(info, reports(str(path), (8, 9)))
    assert [(p.name_span.line, p.report.page) for p in placed][1:] == [
        (9, "button/0.html"),
        (10, "button/1.html"),
    ]


def test_a_story_added_since_the_build_has_no_page_yet(tmp_path: Path) -> None:
    path = tmp_path / "stories.py"
    path.write_text(STORIES.replace('Story(title="B"),', 'Story(title="B"),\n            Story(),'))
    info = SourceCache().info(str(path))
    assert info is not None
    placed = placed_pages(info, reports(str(path), (8, 9)))
    assert [p.report.page for p in placed] == [
        "button/index.html",
        "button/0.html",
        "button/1.html",
    ]


def test_outcome_reads_as_a_lens() -> None:
    ok, bad = AssertionReport("a", True), AssertionReport("busy", False, "said no")
    assert outcome(()) is None
    assert outcome((ok,)) == "1 assertion passed"
    assert outcome((ok, ok)) == "2 assertions passed"
    assert outcome((bad,)) == "1 failing: busy"
    assert outcome((ok, bad)) == "1 failing: busy; 1 passed"
    many = tuple(AssertionReport(f"c{i}", False) for i in range(5))
    assert outcome(many) == "5 failing: c0, c1, c2, …"
