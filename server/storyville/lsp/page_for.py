"""`storyville.pageFor`: the page the preview shows for a file and a cursor line.

The VS Code preview follows the editor: in a stories.py, its subject's page and the story
whose `Story(...)` holds the cursor; in a component module, the first subject whose target
(or a story's `renders`) is defined in it. Read from the last good build's page reports.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pygls.uris import to_fs_path

from storyville.lsp.base import StoryvilleServer
from storyville.lsp.pages import placed_pages
from storyville.lsp.protocol import PAGE_FOR
from storyville.lsp.source_index import SourceIndex
from storyville.lsp.stories_source import StoriesInfo
from storyville.results import PageReport


def page_for(
    info: StoriesInfo | None, path: str | None, line: int, reports: Sequence[PageReport]
) -> dict[str, Any] | None:
    """`{"page": "forms/button/index.html", "story": 2}` (story None: the subject itself).
    `info`: the file's stories, when it is a stories.py; `line` is 0-based."""
    if not reports:
        return None
    if info is not None:
        placed = placed_pages(info, reports)
        subject = next((p.report for p in placed if p.report.index is None), None)
        if subject is None:
            return None
        story = next(
            (
                p.report.index
                for p in placed
                if p.report.index is not None and p.span.line <= line <= p.span.end_line
            ),
            None,
        )
        return {"page": subject.page, "story": story}
    module = module_name(Path(path)) if path else None
    if module is None:
        return None
    for report in reports:
        component = report.component
        # "ui.button.Button" is defined in ui.button, not in the package ui above it
        if report.index is None and component and component.rpartition(".")[0] == module:
            return {"page": report.page, "story": None}
    return None


def module_name(path: Path) -> str | None:
    """`a/b/c.py` → `a.b.c` while the directories above are packages (have __init__.py)."""
    if path.suffix != ".py":
        return None
    path = Path(os.path.realpath(path))
    parts = [] if path.stem == "__init__" else [path.stem]
    folder = path.parent
    while (folder / "__init__.py").is_file() and folder.parent != folder:
        parts.insert(0, folder.name)
        folder = folder.parent
    return ".".join(parts) or None


def page_for_args(args: tuple[Any, ...]) -> tuple[str, int] | None:
    match args:
        case ({"uri": str(uri), "line": int(line)}, *_) if line >= 0:
            return uri, line
        case _:
            return None


def register_page_for(
    server: StoryvilleServer, index: SourceIndex, reports: Callable[[], Sequence[PageReport]]
) -> None:
    @server.command(PAGE_FOR)
    def page_for_command(ls: StoryvilleServer, *args: Any) -> dict[str, Any] | None:
        if (found := page_for_args(args)) is None:
            return None
        uri, line = found
        return page_for(index.info(uri), to_fs_path(uri), line, reports())
