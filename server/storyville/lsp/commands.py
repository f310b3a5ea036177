"""`workspace/executeCommand` commands: a full rebuild, the preview's URL, opening a page of it
(the "Preview" code lens), and which catalogs the workspace holds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from storyville.lsp.base import StoryvilleServer
from storyville.lsp.preview import show_url
from storyville.lsp.protocol import CATALOGS, PREVIEW_URL, REBUILD, SHOW_STORY, BuildFinished
from storyville.lsp.tracked import TrackedCatalog
from storyville.lsp.workspace import workspace_catalogs


def register_commands(
    server: StoryvilleServer, tracked: Callable[[], TrackedCatalog | None]
) -> None:
    """`tracked` gives the catalog being followed, once there is one."""

    @server.command(REBUILD)
    async def rebuild(ls: StoryvilleServer, *args: Any) -> dict[str, Any]:
        catalog = tracked()
        if catalog is None:
            return {"ok": False, "summary": "no catalog"}
        result = await catalog.rebuild()
        return BuildFinished.of(result, catalog.session.builds).to_json()

    @server.command(PREVIEW_URL)
    def preview_url(ls: StoryvilleServer, *args: Any) -> str | None:
        catalog = tracked()
        return catalog.preview.url if catalog is not None and catalog.preview else None

    @server.command(SHOW_STORY)
    async def show_story(ls: StoryvilleServer, *args: Any) -> str | None:
        catalog = tracked()
        page = story_page(args)
        if page is None:
            ls.say(f"storyville: {SHOW_STORY} takes [{{'page': 'section/subject/0.html'}}]")
            return None
        if catalog is None or catalog.preview is None:
            ls.say("storyville: there is no preview to show the story in")
            return None
        url = catalog.preview.url + page
        await show_url(ls, url, "the story is at")
        return url

    @server.command(CATALOGS)
    def catalogs(ls: StoryvilleServer, *args: Any) -> dict[str, Any]:
        catalog = tracked()
        found = workspace_catalogs(ls.folders or [Path.cwd()])
        return {
            "active": catalog.package if catalog is not None else None,
            "catalogs": [{"package": c.package, "root": str(c.import_root)} for c in found],
        }


def story_page(args: tuple[Any, ...]) -> str | None:
    """The page a code lens names, when it is a page of the site (relative, no `..`)."""
    match args:
        case ({"page": str(page)}, *_):
            pass
        case _:
            return None
    path = PurePosixPath(page)
    if not page or path.is_absolute() or ".." in path.parts or "\\" in page or ":" in page:
        return None
    return page
