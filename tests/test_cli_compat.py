"""Storyville 0.1's command-line forms and catalogs, through the real CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO, SIMPLE, new_catalog, run_cli
from tests.serving import ServeProcess
from tests.test_build import story_markup


def _pytest(directory: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(directory)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_seed_small_builds_and_passes_its_tests(tmp_path: Path) -> None:
    done = run_cli("seed", "small", "starter", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "4 stories" in done.stdout and "storyville serve starter" in done.stdout
    built = run_cli("build", "starter", "site", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "4 stories, 8 assertions passed" in built.stdout
    assert (tmp_path / "site/section_1/button/1.html").is_file()
    card = story_markup(tmp_path / "site/section_1/card/1.html")
    assert "<footer>Total: 12 €</footer>" in card  # composed, not escaped
    tests = _pytest(tmp_path / "starter", tmp_path)
    assert tests.returncode == 0, tests.stdout
    assert "8 passed" in tests.stdout


def test_seed_large_has_storyville_01s_shape(tmp_path: Path) -> None:
    assert run_cli("seed", "large", "big", cwd=tmp_path).returncode == 0
    built = run_cli("build", "big", "site", cwd=tmp_path)
    assert "24 stories, 32 assertions passed" in built.stdout, built.stderr
    assert sorted(p.name for p in (tmp_path / "big").glob("section_*")) == [
        f"section_{n}" for n in (1, 2, 3, 4)
    ]


def test_seed_refuses_a_non_empty_directory_and_a_bad_name(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken/notes.txt").write_text("mine")
    done = run_cli("seed", "small", "taken", cwd=tmp_path)
    assert done.returncode == 2
    assert "already exists and is not empty" in done.stderr
    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["notes.txt"]
    bad = run_cli("seed", "medium", "my-catalog", cwd=tmp_path)
    assert bad.returncode == 2 and "not a Python package name" in bad.stderr
    assert run_cli("seed", "huge", "x", cwd=tmp_path).returncode == 2


def test_serve_without_a_package_or_pyproject_is_one_line(tmp_path: Path) -> None:
    done = run_cli("serve", "--port", "0", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "storyville: error: no PACKAGE given and no pyproject.toml here names one "
        '(add [tool.storyville] package = "your_catalog")'
    ]


def test_serve_takes_the_package_from_pyproject(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, SIMPLE)
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "x"\n\n[tool.storyville]\npackage = "{catalog.package}"\n'
    )
    # ServeProcess puts its `package` first: a flag here leaves PACKAGE out.
    server = ServeProcess(tmp_path, "-v").start()
    try:
        assert f"serving {catalog.package} at" in "\n".join(server.lines)
        assert "Buy now" in server.get("widgets/button/0.html").text
    finally:
        server.stop()


def test_serve_package_outdir_and_no_assertions(tmp_path: Path) -> None:
    assert run_cli("seed", "small", "starter", cwd=tmp_path).returncode == 0
    out = tmp_path / "kept"
    server = ServeProcess(tmp_path, "starter", (str(out), "--no-with-assertions")).start()
    try:
        summary = server.wait_for(r"built \d+ pages").string
        assert "4 stories, 0 assertions passed" in summary
        assert (out / "index.html").is_file()
    finally:
        server.stop()
    assert (out / "index.html").is_file()  # a directory of yours stays


def test_serve_refuses_two_output_directories(tmp_path: Path) -> None:
    done = run_cli("serve", "pkg", "a", "--output", "b", cwd=tmp_path)
    assert done.returncode == 2 and "two output directories" in done.stderr


def _storyville_01_site(root: Path) -> None:
    """The files Storyville 0.1.1 writes for a one-story catalog."""
    for name in (
        "index.html",
        "about.html",
        "debug.html",
        "static/storyville.css",
        "static/components/layout/static/favicon.svg",
        "components/index.html",
        "components/heading/index.html",
        "components/heading/story-0/index.html",
        "components/heading/story-0/themed_story.html",
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("<html>0.1</html>")


def test_build_replaces_a_storyville_01_site(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, SIMPLE)
    site = tmp_path / "site"
    _storyville_01_site(site)
    done = run_cli("build", catalog.package, "site", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not (site / "about.html").exists() and not (site / "static").exists()
    assert not (site / "components").exists()
    assert "Buy now" in (site / "widgets/button/0.html").read_text()


def test_build_still_refuses_a_directory_with_other_files(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, SIMPLE)
    site = tmp_path / "site"
    _storyville_01_site(site)
    (site / "notes.txt").write_text("mine")
    done = run_cli("build", catalog.package, "site", cwd=tmp_path)
    assert done.returncode == 1
    assert "not empty and was not written by storyville" in done.stderr
    assert (site / "about.html").read_text() == "<html>0.1</html>"


def test_a_storyville_01_catalog_builds_with_its_skip_noted(tmp_path: Path) -> None:
    """tests/fixtures/storyville01_catalog: 0.1's shapes, a module without a factory too."""
    done = run_cli(
        "build", "storyville01_catalog", str(tmp_path / "site"), cwd=REPO / "tests/fixtures"
    )
    assert done.returncode == 0, done.stderr
    assert "3 stories, 2 assertions passed" in done.stdout
    assert "skipped 1 stories.py without a factory: helpers/stories.py" in done.stdout


def test_serve_names_the_skipped_stories_py(tmp_path: Path) -> None:
    server = ServeProcess(REPO / "tests/fixtures", "storyville01_catalog").start()
    try:
        summary = server.wait_for(r"built \d+ pages").string
        assert "skipped 1 stories.py without a factory: helpers/stories.py" in summary
    finally:
        server.stop()
