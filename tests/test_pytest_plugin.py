"""Stories with assertions become pytest tests, with no test file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO, SIMPLE, new_catalog


def run_pytest(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rA", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_each_assertion_of_the_complete_example_is_a_test() -> None:
    done = run_pytest("examples/complete", cwd=REPO)
    assert done.returncode == 1, done.stdout  # the one deliberately failing assertion
    assert "1 failed, 21 passed" in done.stdout
    failed = "examples/complete/feedback/star_rating/stories.py::Half stars (deliberately failing assertion)::rounds_half_stars_up"
    assert f"FAILED {failed}" in done.stdout
    assert "expected 5 filled stars for a 4.5 rating" in done.stdout
    assert "rendered HTML:" in done.stdout
    assert (
        "PASSED examples/complete/feedback/star_rating/stories.py::Perfect score::has_accessible_label"
        in done.stdout
    )


def test_a_broken_stories_module_is_one_failing_item_with_its_line(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, {**SIMPLE, "widgets/button/stories.py": "import nope\n"})
    done = run_pytest(str(catalog.dir), cwd=tmp_path)
    assert done.returncode == 1, done.stdout  # a test failed; the run was not interrupted
    assert f"FAILED {catalog.package}/widgets/button/stories.py::load" in done.stdout
    assert f"{catalog.package}/widgets/button/stories.py:1:" in done.stdout
    assert "No module named 'nope'" in done.stdout


def test_the_plugin_can_be_turned_off(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\nstoryville_enabled = false\n")
    done = run_pytest(
        str(REPO / "examples/complete"),
        "--rootdir",
        str(tmp_path),
        "-c",
        str(tmp_path / "pytest.ini"),
        cwd=tmp_path,
    )
    assert "no tests ran" in done.stdout
