"""Telling the editor where the preview is: our notification, and showDocument if allowed."""

from __future__ import annotations

import contextlib

from lsprotocol import types

from storyville.lsp.base import StoryvilleServer
from storyville.lsp.protocol import PREVIEW


async def announce_preview(server: StoryvilleServer, url: str, *, show_document: bool) -> None:
    server.protocol.notify(PREVIEW, {"url": url})
    server.log(f"preview at {url}")
    capabilities = server.client_capabilities.window
    if show_document and capabilities and capabilities.show_document:
        with contextlib.suppress(Exception):  # a client may refuse; the URL was announced
            await server.window_show_document_async(
                types.ShowDocumentParams(uri=url, external=True, take_focus=False)
            )
