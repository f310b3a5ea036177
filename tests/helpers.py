"""Shared test helpers: throwaway catalog packages on disk and running the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STORYVILLE = [sys.executable, "-m", "storyville"]


@dataclass
class CatalogDir:
    """A catalog package written into a temporary workspace."""

    root: Path  # the workspace (what goes on sys.path)
    package: str

    @property
    def dir(self) -> Path:
        return self.root / self.package

    def write(self, relative: str, text: str) -> Path:
        path = self.dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def write_tree(self, files: dict[str, str]) -> None:
        for relative, text in files.items():
            self.write(relative, text)
        for directory in [self.dir, *(p for p in self.dir.rglob("*") if p.is_dir())]:
            if directory.name != "__pycache__" and not (directory / "__init__.py").exists():
                (directory / "__init__.py").write_text("")


def new_catalog(root: Path, files: dict[str, str], prefix: str = "cat") -> CatalogDir:
    """A uniquely named package, so in-process builds never share modules between tests."""
    catalog = CatalogDir(root, f"{prefix}_{uuid.uuid4().hex[:8]}")
    catalog.write_tree(files)
    return catalog


def run_cli(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [*STORYVILLE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


SIMPLE = {
    "stories.py": """
        from storyville import Catalog

        def this_catalog() -> Catalog:
            return Catalog(title="Shop")
    """,
    "widgets/stories.py": """
        from storyville import Section

        def this_section() -> Section:
            return Section(title="Widgets", description="Small parts")
    """,
    "widgets/button/button.py": """
        from tdom import html

        def Button(label: str = "OK", kind: str = "primary"):
            return html(t'<button class={kind}>{label}</button>')
    """,
    "widgets/button/stories.py": """
        from storyville import Story, Subject
        from ..button.button import Button

        def this_subject() -> Subject:
            return Subject(
                title="Button",
                target=Button,
                items=[
                    Story(title="Primary", props={"label": "Buy now"}),
                    Story(title="Secondary", props={"label": "Later", "kind": "secondary"}),
                ],
            )
    """,
}


# A catalog for dev-loop tests: a `Parts` section with one subject per component.
ROOT_STORIES = """
    from storyville import Catalog

    def this_catalog() -> Catalog:
        return Catalog(title="Lab")
"""
SECTION = """
    from storyville import Section

    def this_section() -> Section:
        return Section(title="Parts")
"""


def subject(module: str, target: str, props: str = "{}") -> str:
    return f"""
        from storyville import Story, Subject
        from {module} import {target}

        def this_subject() -> Subject:
            return Subject(title="{target}", target={target}, items=[Story(props={props})])
    """


def lab(root: Path, components: dict[str, tuple[str, str]], **files: str) -> CatalogDir:
    """A catalog with a `Parts` section holding one subject per component:
    name -> (source of `parts/<name>/comp.py`, the component's name)."""
    catalog = new_catalog(
        root,
        {
            "stories.py": ROOT_STORIES,
            "parts/stories.py": SECTION,
            **files,
            **{f"parts/{name}/comp.py": source for name, (source, _) in components.items()},
        },
    )
    for name, (_, target) in components.items():
        catalog.write(
            f"parts/{name}/stories.py", subject(f"{catalog.package}.parts.{name}.comp", target)
        )
    return catalog


def hostile_site(root: Path) -> Path:
    """A site directory with everything a path resolver must refuse or handle: secrets and
    directories beside it reached by symlinks, aliases inside it, a dangling link, a
    directory literally named `%2e%2e`."""
    site = root / "site"
    (site / "inner").mkdir(parents=True)
    (site / "empty").mkdir()
    (site / "index.html").write_text("<html><body>home</body></html>")
    (site / "inner/index.html").write_text("<html><body>inner</body></html>")
    (site / "inner/page.html").write_text("page")
    (site / "style.css").write_text("css")
    (site / "%2e%2e").mkdir()  # a literal directory name, not a traversal
    (site / "%2e%2e/odd.html").write_text("odd")
    (root / "secret.txt").write_text("TOP SECRET")
    (root / "outside").mkdir()
    (root / "outside/index.html").write_text("OUTSIDE")
    (site / "leak.txt").symlink_to(root / "secret.txt")
    (site / "leakdir").symlink_to(root / "outside")
    (site / "alias.html").symlink_to(site / "index.html")
    (site / "aliasdir").symlink_to(site / "inner")
    (site / "dangling.html").symlink_to(site / "nowhere.html")
    return site
