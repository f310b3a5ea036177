"""storyville.assertions end to end: a catalog using them builds, counts and reports failures
on the `Story(...)` line (a library assertion has no frame of the user's to point at)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.helpers import new_catalog, run_cli

CATALOG = {
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
    "forms/field/field.py": """
        from tdom import html

        def Field(label: str, name: str, required: bool = False):
            return html(t'''<div class="field">
              <label for={name}>{label}</label>
              <input id={name} name={name} required={required}>
              <button type="submit" data-testid="go">Send</button>
            </div>''')
    """,
    "forms/field/stories.py": """
        from storyville import Story, Subject
        from storyville.assertions import GetAllByRole, GetByLabelText, GetByRole, GetByTestId
        from storyville.assertions.helpers import GetByClass

        from .field import Field


        def this_subject() -> Subject:
            return Subject(
                title="Field",
                target=Field,
                items=[
                    Story(
                        title="Email",
                        props={"label": "Email", "name": "email"},
                        assertions=[
                            GetByLabelText("Email"),
                            GetByRole("button", name="Send"),
                            GetByTestId("go").with_attribute("type", "submit"),
                            GetByClass("field"),
                        ],
                    ),
                    Story(
                        title="Required",
                        props={"label": "Name", "name": "name", "required": True},
                        assertions=[
                            GetByRole("textbox", name="Name").with_attribute("required"),
                            GetAllByRole("button").count(2),
                            GetByRole("button", name="Cancel").not_(),
                        ],
                    ),
                ],
            )
    """,
}


def test_a_catalog_using_the_assertions_builds_with_counts_and_located_failures(
    tmp_path: Path,
) -> None:
    catalog = new_catalog(tmp_path, CATALOG)
    done = run_cli("build", catalog.package, "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "2 stories, 6 assertions passed, 1 failed" in done.stdout

    subject = (tmp_path / "out/forms/field/index.html").read_text()
    headline = "Expected count: 2 but found: 1 elements with role &#39;button&#39;"
    assert headline in subject
    assert "✗ GetAllByRole(&#39;button&#39;).count(2)" in subject
    assert "✓ GetByRole(&#39;button&#39;, name=&#39;Send&#39;)" in subject

    strict = run_cli("build", catalog.package, "strict", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    lines = (catalog.dir / "forms/field/stories.py").read_text().splitlines()
    # enumerate from 0 gives the 1-based number of the line before the title: `Story(`
    story_line = next(i for i, line in enumerate(lines) if 'title="Required"' in line)
    assert lines[story_line - 1].strip() == "Story("
    failure = re.search(
        r"forms/field/stories.py:(\d+):\d+: Field › Required: (.*) failed: (.*)", strict.stderr
    )
    assert failure, strict.stderr
    assert int(failure[1]) == story_line
    assert failure[2] == "GetAllByRole('button').count(2)"
    assert failure[3] == "Expected count: 2 but found: 1 elements with role 'button'"
    assert not (tmp_path / "strict").exists()


def test_the_pytest_plugin_runs_them_as_named_tests(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, CATALOG)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rA", str(catalog.dir)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "1 failed, 6 passed" in done.stdout, done.stdout
    assert "Required::GetAllByRole('button').count(2)" in done.stdout
    assert "Expected count: 2 but found: 1 elements with role 'button'" in done.stdout
