"""Catalogs without `__init__.py` files (namespace packages): pytest, build and serve.

The fixtures here are written by hand, not with `CatalogDir.write_tree`, which adds an
`__init__.py` to every directory.
"""

from __future__ import annotations

import textwrap
import uuid
from pathlib import Path

from tests.helpers import run_cli
from tests.serving import ReloadClient, ServeProcess, canvas
from tests.test_build import story_markup
from tests.test_pytest_plugin import run_pytest


def namespace_catalog(root: Path, broken: str | None = None) -> tuple[Path, str]:
    """`<root>/projects/<shop>/…` with no `__init__.py`, importing itself both ways:
    absolutely from the rootdir (as Storyville 0.1's examples do) and relatively."""
    name = f"shop_{uuid.uuid4().hex[:8]}"
    files = {
        "stories.py": """
            from storyville import Catalog

            def this_catalog() -> Catalog:
                return Catalog(title="Shop")
        """,
        "forms/stories.py": """
            from storyville import Section

            def this_section() -> Section:
                return Section(title="Forms")
        """,
        "forms/button/button.py": """
            from tdom import html

            def Button(label: str = "OK"):
                return html(t'<button aria-label={label}>{label}</button>')
        """,
        "forms/button/stories.py": f"""
            from storyville import Story, Subject
            from projects.{name}.forms.button.button import Button


            def labelled(el):
                assert 'aria-label="' in str(el), "a button needs an aria-label"


            def shows(el):
                assert "Buy" in str(el), "the label shows"


            def this_subject() -> Subject:
                return Subject(
                    title="Button",
                    target=Button,
                    items=[
                        Story(title="Primary", props={{"label": "Buy"}}, assertions=[labelled, shows]),
                        Story(title="Primary", props={{"label": "Buy"}}, assertions=[labelled]),
                        Story(props={{"label": "Other"}}, assertions=[lambda el: None]),
                    ],
                )
        """,
        "forms/badge/stories.py": broken
        or """
            from storyville import Story, Subject
            from ..button.button import Button


            def this_subject() -> Subject:
                return Subject(target=Button, items=[Story(assertions=[lambda el: None])])
        """,
    }
    base = root / "projects" / name
    for relative, text in files.items():
        path = base / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return base, name


def test_a_namespace_catalog_collects_with_stable_ids(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    base, name = namespace_catalog(tmp_path)
    done = run_pytest(f"projects/{name}", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "5 passed" in done.stdout
    button = f"projects/{name}/forms/button/stories.py"
    for item in (
        "Primary::labelled",
        "Primary::shows",
        "Primary #2::labelled",  # a repeated title gets the story's position
        "Story 3::Assertion 1",  # no title, a lambda: both numbered
    ):
        assert f"PASSED {button}::{item}" in done.stdout
    assert f"PASSED projects/{name}/forms/badge/stories.py::Story 1::Assertion 1" in done.stdout
    assert not (base / "__init__.py").exists()


def test_a_broken_stories_py_is_one_failing_item_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    broken = """
        from storyville import Subject


        def this_subject() -> Subject:
            return Subject(items=[1 / 0])
    """
    _, name = namespace_catalog(tmp_path, broken=broken)
    done = run_pytest(f"projects/{name}", cwd=tmp_path)
    assert done.returncode == 1, done.stdout
    assert "1 failed, 4 passed" in done.stdout  # the rest of the catalog still ran
    assert "error" not in done.stdout.splitlines()[-1]  # not a collection error
    badge = f"projects/{name}/forms/badge/stories.py"
    assert f"FAILED {badge}::load" in done.stdout
    assert f"{badge}:5:" in done.stdout  # the line of `1 / 0`
    assert "ZeroDivisionError" in done.stdout


def test_build_and_serve_take_a_namespace_catalog(tmp_path: Path) -> None:
    _, name = namespace_catalog(tmp_path)
    out = tmp_path / "site"
    done = run_cli("build", f"projects.{name}", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Buy" in story_markup(out / "forms/button/1.html")
    assert (out / "forms/badge/index.html").is_file()


async def test_serve_reloads_a_namespace_catalog(tmp_path: Path) -> None:
    _, name = namespace_catalog(tmp_path)
    server = ServeProcess(tmp_path, f"projects.{name}").start()
    try:
        async with ReloadClient(server.url) as client:
            component = tmp_path / "projects" / name / "forms/button/button.py"
            component.write_text(component.read_text().replace("<button", "<button data-new"))
            message = await client.reload()
        assert "forms/button/1.html" in message["pages"]
        assert "data-new" in canvas(server, "forms/button/1.html")
    finally:
        server.stop()
