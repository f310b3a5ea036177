"""`storyville build`: the static site a user gets, and the errors they see."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from storyville.results import ErrorKind
from storyville.site.pipeline import build
from storyville.site.writer import OutputError, SiteWriter

from tests.helpers import REPO, SIMPLE, CatalogDir, new_catalog, run_cli


def story_markup(page: Path) -> str:
    """The story's own HTML as the browser gets it from the canvas iframe."""
    match = re.search(r'srcdoc="([^"]*)"', page.read_text())
    assert match, f"no canvas in {page}"
    return html.unescape(match.group(1))


def build_ok(catalog: CatalogDir, out: Path, **kwargs: object):
    result = build(catalog.package, out, search_path=(str(catalog.root),), **kwargs)  # type: ignore[arg-type]
    assert result.ok, [e.headline() for e in result.errors]
    return result


def test_minimal_example_builds_with_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "site"
    done = run_cli("build", "examples.minimal", str(out), cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "2 stories" in done.stdout
    assert "Hello, Ada!" in story_markup(out / "components/greeting/1.html")
    index = (out / "index.html").read_text()
    assert "Minimal Catalog" in index and "components/index.html" in index
    assert next((out / "_storyville").glob("pico.min.*.css")).stat().st_size > 10_000


def test_pages_show_breadcrumbs_props_and_navigation_data(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, SIMPLE)
    build_ok(catalog, tmp_path / "out")
    page = (tmp_path / "out/widgets/button/1.html").read_text()
    assert '<button class="secondary">Later</button>' in story_markup(
        tmp_path / "out/widgets/button/1.html"
    )
    assert ">Widgets</a>" in page and ">Button</a>" in page  # breadcrumbs
    assert "<td>kind</td><td>&#39;secondary&#39;</td>" in page  # props table
    assert "widgets/button/stories.py:" in page  # where the story is defined
    nav = (tmp_path / "out/_storyville/catalog.js").read_text()
    data = json.loads(nav.removeprefix("window.storyvilleCatalog = ").rstrip(";\n"))
    assert data["tree"][0]["t"] == "Widgets"
    assert data["tree"][0]["c"][0]["c"][1] == {"t": "Secondary", "u": "widgets/button/1.html"}


def test_rebuild_without_changes_rewrites_nothing(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, SIMPLE)
    first = build_ok(catalog, tmp_path / "out")
    assert "widgets/button/0.html" in first.pages_changed
    second = build_ok(catalog, tmp_path / "out")
    assert second.pages_changed == ()
    assert second.pages_written == first.pages_written == 5


def test_failed_build_leaves_the_output_as_it_was(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, SIMPLE)
    build_ok(catalog, tmp_path / "out")
    before = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    catalog.write("widgets/button/button.py", "def Button(:\n    pass\n")
    done = run_cli("build", catalog.package, "out", cwd=tmp_path)
    assert done.returncode == 1
    assert f"{catalog.package}/widgets/button/button.py:1:" in done.stderr
    assert "SyntaxError" in done.stderr and "Traceback" not in done.stderr
    after = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["build", "no_such_package", "out"], "no package 'no_such_package' found"),
        (["build", "not-a-name", "out"], "is not a dotted Python package name"),
        (["build", "plain", "out"], "'plain' is not a catalog"),
    ],
)
def test_bad_package_is_one_clear_line(tmp_path: Path, args: list[str], expected: str) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain/__init__.py").write_text("")
    done = run_cli(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert expected in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_refuses_to_write_into_a_foreign_directory(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, SIMPLE)
    precious = tmp_path / "docs"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    done = run_cli("build", catalog.package, "docs", cwd=tmp_path)
    assert done.returncode == 1
    assert "was not written by storyville" in done.stderr
    assert [p.name for p in precious.iterdir()] == ["thesis.txt"]


def test_a_new_site_appears_whole_or_not_at_all(tmp_path: Path) -> None:
    files = {"index.html": b"<p>home</p>", "a/" + "x" * 300 + ".html": b"name too long"}
    with pytest.raises(OutputError, match="cannot write to"):
        SiteWriter(tmp_path / "site").write(files.items())
    assert list(tmp_path.iterdir()) == []  # no half site, no staging directory left behind


def test_builds_into_an_empty_directory_and_through_a_symlink(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, SIMPLE)
    (tmp_path / "empty").mkdir()
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    for target in ("empty", "link"):
        result = build_ok(catalog, tmp_path / target)
        assert result.pages_written == 5
    assert (tmp_path / "empty/widgets/button/0.html").is_file()
    assert (tmp_path / "link").is_symlink()
    assert (tmp_path / "real/widgets/button/0.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_unwritable_output_is_reported(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, SIMPLE)
    (tmp_path / "file").write_text("x")
    done = run_cli("build", catalog.package, "file/site", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("storyville: error: cannot write to")


def test_assertion_badges_and_strict_mode(tmp_path: Path) -> None:
    catalog = new_catalog(
        tmp_path,
        {
            **SIMPLE,
            "widgets/button/stories.py": """
                from storyville import Story, Subject
                from ..button.button import Button

                def has_label(el):
                    assert "Buy" in str(el), "the label is missing"

                def this_subject() -> Subject:
                    return Subject(
                        title="Button",
                        target=Button,
                        items=[
                            Story(props={"label": "Buy"}, assertions=[has_label]),
                            Story(props={"label": "Sell"}, assertions=[has_label, lambda el: None]),
                        ],
                    )
            """,
        },
    )
    result = build_ok(catalog, tmp_path / "out")
    assert (result.assertions_passed, result.assertions_failed) == (2, 1)
    page = (tmp_path / "out/widgets/button/1.html").read_text()
    assert 'class="sv-badge sv-fail" title="the label is missing">✗ has_label' in page
    assert "✓ Assertion 2" in page
    assert "1 failed" in (tmp_path / "out/index.html").read_text()

    quiet = build_ok(catalog, tmp_path / "quiet", with_assertions=False)
    assert quiet.assertions_passed == quiet.assertions_failed == 0

    done = run_cli("build", catalog.package, "strict", "--strict", cwd=tmp_path)
    assert done.returncode == 1
    assert re.search(
        r"widgets/button/stories.py:1\d:\d+: Button › Story 2: has_label failed", done.stderr
    )
    assert not (tmp_path / "strict").exists()


def test_themed_layout_gets_its_own_page(tmp_path: Path) -> None:
    catalog = new_catalog(
        tmp_path,
        {
            **SIMPLE,
            "stories.py": """
                from storyville import Catalog
                from tdom import html

                def layout(story_title=None, children=None):
                    return html(t'<html><body class="brand"><h1>{story_title}</h1>{children}</body></html>')

                def this_catalog() -> Catalog:
                    return Catalog(title="Shop", themed_layout=layout)
            """,
        },
    )
    build_ok(catalog, tmp_path / "out")
    themed = (tmp_path / "out/widgets/button/0.themed.html").read_text()
    assert themed.startswith("<!DOCTYPE html>")
    assert '<body class="brand"><h1>Primary</h1><button class="primary">Buy now</button>' in themed
    assert (
        'src="../../widgets/button/0.themed.html"'
        in (tmp_path / "out/widgets/button/0.html").read_text()
    )


def test_storyville_01_style_catalog_builds_unchanged(tmp_path: Path) -> None:
    """Annotated factories with other names, string annotations, a per-story target."""
    catalog = new_catalog(
        tmp_path,
        {
            "stories.py": """
                from __future__ import annotations
                from storyville import Catalog

                def make_catalog() -> Catalog:
                    return Catalog(title="Old style")
            """,
            "forms/stories.py": """
                from storyville import Section

                def forms() -> Section:
                    return Section(title="Forms")
            """,
            "forms/field/stories.py": """
                from dataclasses import dataclass
                from storyville import Story, Subject
                from tdom import html

                @dataclass
                class Field:
                    name: str = "email"
                    def __call__(self):
                        return html(t'<input name={self.name}>')

                def Other(text: str = "x"):
                    return html(t"<em>{text}</em>")

                def field_subject() -> Subject:
                    return Subject(title="Field", target=Field, items=[
                        Story(),
                        Story(target=Other, props={"text": "override"}),
                        Story(template=lambda: html(t"<form><input></form>")),
                    ])
            """,
        },
    )
    build_ok(catalog, tmp_path / "out")
    assert '<input name="email" />' in story_markup(tmp_path / "out/forms/field/0.html")
    assert "<em>override</em>" in story_markup(tmp_path / "out/forms/field/1.html")
    assert "<form><input /></form>" in story_markup(tmp_path / "out/forms/field/2.html")


def test_nested_sections_and_a_subject_directly_under_the_catalog(tmp_path: Path) -> None:
    button = SIMPLE["widgets/button/stories.py"].replace(
        "..button.button", "..widgets.button.button"
    )
    catalog = new_catalog(
        tmp_path,
        {
            **SIMPLE,
            "widgets/small/stories.py": """
                from storyville import Section
                def this_section() -> Section:
                    return Section(title="Small widgets")
            """,
            "widgets/small/chip/stories.py": """
                from storyville import Story, Subject
                from tdom import html
                def this_subject() -> Subject:
                    return Subject(title="Chip", target=lambda: html(t"<span>chip</span>"),
                                   items=[Story()])
            """,
            "hero/stories.py": button,
        },
    )
    build_ok(catalog, tmp_path / "out")
    assert "<span>chip</span>" in story_markup(tmp_path / "out/widgets/small/chip/0.html")
    assert "Buy now" in story_markup(tmp_path / "out/hero/0.html")
    section = (tmp_path / "out/widgets/index.html").read_text()
    assert "Small widgets" in section and "Button" in section
    assert "hero/index.html" in (tmp_path / "out/index.html").read_text()


STRUCTURE_CASES = {
    "no factory at the root": (
        {"stories.py": "X = 1\n"},
        "stories.py",
        1,
        "defines none of this_catalog(), this_section(), this_subject()",
    ),
    "two candidates": (
        {
            "widgets/stories.py": """
                from storyville import Section

                def this_section() -> Section:
                    return Section(title="A")

                def other() -> Section:
                    return Section(title="B")
            """
        },
        "widgets/stories.py",
        6,
        "has 2 candidate functions (this_section(), other())",
    ),
    "wrong type": (
        {"widgets/stories.py": "def this_section():\n    return 42\n"},
        "widgets/stories.py",
        1,
        "this_section() returned int, expected Section",
    ),
    "no target and no template": (
        {
            "widgets/button/stories.py": """
                from storyville import Story, Subject

                def this_subject() -> Subject:
                    return Subject(title="Button", items=[Story(props={"a": 1})])
            """
        },
        "widgets/button/stories.py",
        4,
        "has no template and subject 'Button' has no target",
    ),
    "catalog below the root": (
        {
            "widgets/stories.py": "from storyville import Catalog\ndef this_catalog():\n    return Catalog()\n"
        },
        "widgets/stories.py",
        2,
        "a Catalog belongs only in the package's root stories.py",
    ),
    "node inside a subject": (
        {
            "widgets/button/inner/stories.py": "from storyville import Section\ndef this_section():\n    return Section()\n"
        },
        "widgets/button/inner/stories.py",
        2,
        "a subject cannot contain other nodes",
    ),
}


@pytest.mark.parametrize("case", STRUCTURE_CASES)
def test_malformed_trees_name_the_file(tmp_path: Path, case: str) -> None:
    files, file, line, message = STRUCTURE_CASES[case]
    catalog = new_catalog(tmp_path, {**SIMPLE, **files})
    result = build(catalog.package, tmp_path / "out", search_path=(str(tmp_path),))
    assert not result.ok
    error = result.errors[0]
    assert error.kind is ErrorKind.STRUCTURE
    assert error.file == str(catalog.dir / file)
    assert error.line == line
    assert message in error.message
    assert not (tmp_path / "out").exists()


def test_every_broken_subject_is_reported_at_once(tmp_path: Path) -> None:
    catalog = new_catalog(
        tmp_path,
        {
            **SIMPLE,
            "widgets/a/stories.py": "import does_not_exist\n",
            "widgets/b/stories.py": "def this_subject():\n    raise ValueError('boom')\n",
        },
    )
    result = build(catalog.package, tmp_path / "out", search_path=(str(tmp_path),))
    kinds = sorted((e.kind, Path(e.file or "").parent.name, e.line) for e in result.errors)
    assert kinds == [(ErrorKind.EXCEPTION, "b", 2), (ErrorKind.IMPORT, "a", 1)]


def test_build_loads_no_server_code(tmp_path: Path) -> None:
    """`storyville build` stays a quick one-shot: no web, LSP or watcher libraries."""
    script = (
        "import sys; from storyville.cli import main; "
        f"code = main(['build', 'examples.minimal', {str(tmp_path / 'site')!r}]); "
        "heavy = {'starlette', 'uvicorn', 'pygls', 'lsprotocol', 'watchfiles', 'websockets'}; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy)); sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_a_catalog_written_for_storyville_01_builds_unchanged(tmp_path: Path) -> None:
    """tests/fixtures/legacy_catalog: `from tdom import Node, Element, Fragment`, subjects
    without titles, factories named freely, a themed layout typed with Node."""
    result = build("legacy_catalog", tmp_path / "site", search_path=(str(REPO / "tests/fixtures"),))
    assert result.ok, [e.headline() for e in result.errors]
    assert (result.stories, result.assertions_passed, result.assertions_failed) == (4, 2, 0)
    site = tmp_path / "site"
    assert '<span class="badge badge-success">New</span>' in story_markup(
        site / "components/badge/0.html"
    )
    assert "<strong>Badge</strong></a>" in (site / "components/index.html").read_text()  # its dir
    themed = (site / "components/card/0.themed.html").read_text()
    assert '<main><div class="card"><h3>Hello</h3><p>World</p></div></main>' in themed


def test_the_package_in_the_current_directory_wins_over_another_copy_on_pythonpath(
    tmp_path: Path,
) -> None:
    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    ours = new_catalog(here, SIMPLE)
    other = CatalogDir(elsewhere, ours.package)
    other.write_tree(
        {
            **SIMPLE,
            "widgets/button/button.py": SIMPLE["widgets/button/button.py"].replace(
                "{label}", "OTHER COPY"
            ),
        }
    )
    # The workspace is on the path too, but behind the other copy (the console script does
    # not put the current directory first the way `python -m` does).
    env_path = {"PYTHONPATH": f"{elsewhere}:{here}"}
    done = subprocess.run(
        [str(Path(sys.executable).parent / "storyville"), "build", ours.package, "out"],
        cwd=here,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env_path},
    )
    assert done.returncode == 0, done.stderr
    assert "Buy now" in story_markup(here / "out/widgets/button/0.html")


def test_a_stories_py_without_a_factory_is_skipped(tmp_path: Path) -> None:
    """Storyville 0.1 ignored such a module (its examples/no_sections has one)."""
    catalog = new_catalog(
        tmp_path,
        {**SIMPLE, "widgets/helpers/stories.py": "def no_stories():\n    return 1\n"},
    )
    result = build(catalog.package, tmp_path / "out", search_path=(str(tmp_path),))
    assert result.ok, result.errors
    assert result.stories == 2
    assert result.skipped == ("widgets/helpers/stories.py",)
    assert "skipped 1 stories.py without a factory: widgets/helpers/stories.py" in (
        result.summary()
    )
