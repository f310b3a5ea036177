"""`workspace/executeCommand` commands: a full rebuild, and the preview's URL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from storyville.lsp.base import StoryvilleServer
from storyville.lsp.protocol import PREVIEW_URL, REBUILD, BuildFinished
from storyville.lsp.tracked import TrackedCatalog


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
