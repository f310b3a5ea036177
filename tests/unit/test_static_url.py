"""static_url(): a static file's URL from the page being rendered; which files are copied;
what a change to one makes the dev loop do."""

from __future__ import annotations

from pathlib import Path

import pytest
from storyville import static_url
from storyville.catalog.static import rendering_at, static_files
from storyville.devloop.session import _with_pages_using

from tests.unit.test_session_plan import BUTTON, FakeBuilder, new_session


def test_the_url_climbs_from_the_subjects_directory(tmp_path: Path) -> None:
    with rendering_at(tmp_path / "forms/button", "forms.button"):
        assert static_url("forms/button/static/a.css") == "../../static/forms/button/static/a.css"
        absolute = tmp_path / "forms/button/static/img/b c.png"
        assert static_url(absolute) == "../../static/forms/button/static/img/b%20c.png"
    with rendering_at(tmp_path / "badge", "badge"):
        assert static_url("static/site.css") == "../static/static/site.css"


def test_outside_a_render_it_says_when_to_call_it() -> None:
    with pytest.raises(LookupError, match="while a story renders"):
        static_url("forms/button/static/a.css")


@pytest.mark.parametrize(
    "file",
    ["forms/button/a.css", "forms/static", "forms/static/../../x.css", "/elsewhere/static/a.css"],
)
def test_only_files_in_a_static_folder_of_the_package(tmp_path: Path, file: str) -> None:
    with rendering_at(tmp_path / "forms", "forms"), pytest.raises(ValueError):
        static_url(file)


def test_static_files_skip_debris_and_folders_never_walked(tmp_path: Path) -> None:
    for name in (
        "static/site.css",
        "a/static/dist/app.js",  # a bundle inside static/ is kept
        "a/static/.hidden",
        "a/static/x.css.swp",
        "a/static/__pycache__/m.pyc",
        "a/notstatic.css",
        "node_modules/p/static/x.js",
        ".venv/static/x.js",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    found = [str(relative) for relative, _ in static_files(tmp_path)]
    assert found == ["a/static/dist/app.js", "static/site.css"]


def test_pages_that_name_a_changed_static_file_reload_too() -> None:
    files = {
        "a/index.html": b'<link href="../static/a/static/x%20y.css">',
        "b/index.html": b"<p>nothing</p>",
        "static/a/static/x y.css": b"",
    }
    changed = ("static/a/static/x y.css",)
    assert _with_pages_using(files.items, changed) == (*changed, "a/index.html")
    assert _with_pages_using(files.items, ("a/index.html",)) == ("a/index.html",)


def test_a_static_file_change_is_a_copy_not_a_build(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    (ws / "shop").mkdir(parents=True)
    session = new_session(ws, FakeBuilder())
    plan = session.plan({str(ws / "shop/parts/button/static/new.css")})
    assert plan is not None and plan.static and plan.modules == ()
    mixed = session.plan(
        {str(ws / "shop/parts/button/static/new.css"), str(ws / "shop/parts/button/comp.py")}
    )
    assert mixed is not None and not mixed.static and mixed.modules == BUTTON
    other = session.plan({str(ws / "shop/parts/button/button.css")})  # not in a static/ folder
    assert other is not None and other.full
