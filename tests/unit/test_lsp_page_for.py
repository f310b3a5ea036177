"""storyville.lsp.page_for: the page the VS Code preview follows for a file and cursor line."""

from __future__ import annotations

from pathlib import Path

from storyville.lsp.page_for import module_name, page_for, page_for_args
from storyville.lsp.stories_source import SourceCache
from storyville.results import PageReport

STORIES = """\
from storyville import Story, Subject


def this_subject() -> Subject:
    return Subject(
        title="Button",
        items=[
            Story(title="A"),
            Story(
                title="B",
            ),
        ],
    )
"""


def reports(file: str) -> list[PageReport]:
    return [
        PageReport("/other/stories.py", None, "Other", "other/index.html", component="x.y.Z"),
        PageReport(file, None, "Button", "button/index.html", stories=2, component="ui.button.B"),
        PageReport(file, 8, "Button › A", "button/0.html", 0),
        PageReport(file, 9, "Button › B", "button/1.html", 1),
    ]


def test_a_stories_py_maps_to_its_subject_and_the_story_under_the_cursor(tmp_path: Path) -> None:
    path = tmp_path / "stories.py"
    path.write_text(STORIES)
    info = SourceCache().info(str(path))
    built = reports(str(path))
    at = [page_for(info, str(path), line, built) for line in (0, 7, 8, 10, 12)]
    assert at == [
        {"page": "button/index.html", "story": None},
        {"page": "button/index.html", "story": 0},
        {"page": "button/index.html", "story": 1},
        {"page": "button/index.html", "story": 1},  # inside the multi-line Story(...)
        {"page": "button/index.html", "story": None},
    ]
    assert page_for(info, str(path), 7, []) is None  # no build yet


def test_a_component_module_maps_to_the_first_subject_it_is_the_target_of(
    tmp_path: Path,
) -> None:
    (tmp_path / "ui/button").mkdir(parents=True)
    for init in ("ui/__init__.py", "ui/button/__init__.py"):
        (tmp_path / init).write_text("")
    module = tmp_path / "ui/button/__init__.py"
    assert module_name(module) == "ui.button"
    assert module_name(tmp_path / "ui/button/parts.py") == "ui.button.parts"
    assert module_name(tmp_path / "loose.py") == "loose"
    assert module_name(tmp_path / "notes.txt") is None
    built = reports(str(tmp_path / "stories.py"))
    assert page_for(None, str(module), 3, built) == {"page": "button/index.html", "story": None}
    assert page_for(None, str(tmp_path / "ui/__init__.py"), 0, built) is None  # the package above
    assert page_for_args(({"uri": "file:///a.py", "line": 4},)) == ("file:///a.py", 4)
    assert page_for_args(({"uri": "file:///a.py", "line": -1},)) is None
    assert page_for_args(()) is None
