"""A build's progress in the editor (`window/workDoneProgress`), where the client has it."""

from __future__ import annotations

import uuid

from lsprotocol import types

from storyville.lsp.base import StoryvilleServer


class BuildProgress:
    """One progress token per build, begun only once the client has confirmed it."""

    def __init__(self, server: StoryvilleServer) -> None:
        self.server = server
        self.token: str | None = None  # the build's progress token, once begun
        self.creating: str | None = None  # a token the client has not confirmed yet

    def _supported(self) -> bool:
        window = self.server.client_capabilities.window
        return bool(window and window.work_done_progress)

    def begin(self) -> None:
        if not self._supported():
            return
        self.end("superseded")
        token = f"storyville-build-{uuid.uuid4().hex[:8]}"
        self.creating = token
        self.server.spawn(self._create(token))

    async def _create(self, token: str) -> None:
        progress = self.server.work_done_progress
        try:
            await progress.create_async(token)
        except Exception:  # noqa: BLE001 - the client may refuse progress
            return
        finally:
            created, self.creating = self.creating == token, None
        if created:  # still building: from here on, phases are reported
            progress.begin(
                token,
                types.WorkDoneProgressBegin(
                    title="storyville", message="building the catalog", cancellable=False
                ),
            )
            self.token = token
        else:  # the build ended before the client answered
            progress.end(token, types.WorkDoneProgressEnd())
            progress.tokens.pop(token, None)

    def report(self, message: str) -> None:
        if self.token is not None:
            self.server.work_done_progress.report(
                self.token, types.WorkDoneProgressReport(message=message)
            )

    def end(self, message: str) -> None:
        token, self.token, self.creating = self.token, None, None
        if token is not None:
            self.server.work_done_progress.end(token, types.WorkDoneProgressEnd(message=message))
            self.server.work_done_progress.tokens.pop(token, None)
