"""Telling the editor where the preview is: our notification, then showDocument where the
client can open it, else the URL in a message (editors without the extension still see it)."""

from __future__ import annotations

from lsprotocol import types

from storyville.lsp.base import StoryvilleServer
from storyville.lsp.protocol import PREVIEW


def can_show_documents(server: StoryvilleServer) -> bool:
    """The client says `window.showDocument.support: true` (having the key is not enough)."""
    window = server.client_capabilities.window
    return bool(window and window.show_document and window.show_document.support)


async def announce_preview(server: StoryvilleServer, url: str, *, show_document: bool) -> None:
    server.protocol.notify(PREVIEW, {"url": url})
    server.log(f"preview at {url}")
    if show_document:
        await show_url(server, url, "the preview is at")


async def show_url(server: StoryvilleServer, url: str, said: str) -> bool:
    """Open `url` in the client's browser; where it cannot, say the URL. True: opened."""
    if can_show_documents(server):
        try:
            result = await server.window_show_document_async(
                types.ShowDocumentParams(uri=url, external=True, take_focus=False)
            )
        except Exception:  # noqa: BLE001 - a client may refuse; say the URL instead
            result = None
        if result is not None and result.success:
            return True
    server.say(f"storyville: {said} {url}", types.MessageType.Info)
    return False
