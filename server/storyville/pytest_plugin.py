"""Stories with assertions become pytest tests, one per assertion, with no test file.

Point pytest at a catalog (`pytest examples/complete`) or list it in `testpaths`; each
`stories.py` that defines a subject yields an item per assertion of each story, named
`<story title>::<assertion name>`. A stories.py that fails to import or build is one failing
item, `load`, at the error's line: one broken module does not interrupt the run. Catalogs
without `__init__.py` files (namespace packages) collect too. Disable with
`storyville_enabled = false` in the ini file.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup

from storyville.catalog.discovery import (
    NoFactory,
    catalog_dir_of,
    catalog_import_root,
    factory_of,
)
from storyville.catalog.files import UserFiles
from storyville.catalog.models import Story, Subject
from storyville.catalog.static import rendering_at
from storyville.collect.collector import render_story
from storyville.collect.legacy import provide_tdom_node_names
from storyville.collect.locate import locate
from storyville.results import BuildError


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "storyville_enabled",
        type="bool",
        default=True,
        help="collect story assertions from stories.py files as tests",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name != "stories.py" or not parent.config.getini("storyville_enabled"):
        return None
    return StoriesFile.from_parent(parent, path=file_path)


_CATALOG_DIRS = pytest.StashKey[dict[Path, Path | None]]()


def _catalog_dir(config: pytest.Config, directory: Path) -> Path | None:
    """`catalog_dir_of`, once per directory and session: it reads every stories.py above
    the directory, which at 3,000 stories was reading the catalog's 2,000 times."""
    known = config.stash.setdefault(_CATALOG_DIRS, {})
    if directory not in known:
        known[directory] = catalog_dir_of(directory)
    return known[directory]


class StoriesFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        root, package = catalog_import_root(
            self.path.parent,
            self.config.rootpath,
            top=_catalog_dir(self.config, self.path.parent.resolve()),
        )
        if not package:
            return
        if str(root) not in sys.path:
            sys.path.insert(0, str(root))
        provide_tdom_node_names()
        try:
            module = importlib.import_module(f"{package}.stories")
            node = factory_of(module, str(self.path))()
        except NoFactory:  # skipped by the build too: nothing to test
            return
        except Exception as exc:  # noqa: BLE001 - any failure is the user's, at its line
            error = locate(exc, UserFiles.for_roots([str(root)]), module=package)
            yield BrokenStories.from_parent(self, name="load", error=error)
            return
        if not isinstance(node, Subject):
            return
        top = _catalog_dir(self.config, self.path.parent.resolve())
        subject_path = ".".join(self.path.parent.resolve().relative_to(top).parts) if top else ""
        seen: set[str] = set()
        for index, story in enumerate(node.items):
            title = story.title or f"Story {index + 1}"
            for number, check in enumerate(story.assertions, start=1):
                name = getattr(check, "__name__", "")
                name = name if name and name != "<lambda>" else f"Assertion {number}"
                item_name = f"{title}::{name}"
                if item_name in seen:
                    item_name = f"{title} #{index + 1}::{name}"
                seen.add(item_name)
                yield StoryAssertion.from_parent(
                    self,
                    name=item_name,
                    story=story,
                    target=story.target or node.target,
                    check=check,
                    subject_path=subject_path,
                )


class BrokenStories(pytest.Item):
    """A stories.py that did not load, as one failing test at the line that broke."""

    def __init__(self, *, error: BuildError, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.error = error
        self.funcargs: dict[str, Any] = {}

    def runtest(self) -> None:
        raise StoriesDidNotLoad(self.error.headline(relative_to=str(Path.cwd())))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, StoriesDidNotLoad):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style))

    def reportinfo(self) -> tuple[Path, int, str]:
        file = self.error.file
        path = Path(file) if file else self.path
        return path, (self.error.line or 1) - 1, f"{self.name}: {self.error.message}"


class StoriesDidNotLoad(Exception):
    """Raised by a BrokenStories item; its message is the located error's headline."""


class StoryAssertion(pytest.Item):
    def __init__(
        self,
        *,
        story: Story,
        target: Callable[..., Any] | None,
        check: Callable[[Markup], None],
        subject_path: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.story = story
        self.target = target
        self.check = check
        self.subject_path = subject_path  # where its pages sit, for static_url()
        self.html = ""
        # Function-like items have this; pytest-lsp's runtest hook wrapper breaks without it.
        self.funcargs: dict[str, Any] = {}

    def runtest(self) -> None:
        with rendering_at(self.path.parent.resolve(), self.subject_path):
            self.html, _ = render_story(self.story, self.target)
        self.check(Markup(self.html))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, AssertionError):
            message = str(excinfo.value) or "assertion failed"
            return f"{self.name}: {message}\nrendered HTML:\n{self.html}"
        return str(super().repr_failure(excinfo, style))

    def reportinfo(self) -> tuple[Path, int, str]:
        line = self.story.source.line - 1 if self.story.source else 0
        return self.path, line, self.name
