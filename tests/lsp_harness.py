"""Drive the real `storyville lsp` over stdio with pytest-lsp's client, recording what it sends."""

from __future__ import annotations

import asyncio
import sys
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features


class Inbox:
    """Every notification by method, and a way to wait for the next one matching a test."""

    def __init__(self) -> None:
        self.items: defaultdict[str, list[Any]] = defaultdict(list)
        self.changed = asyncio.Condition()
        self.progress: list[tuple[str, str]] = []  # (token, kind) in arrival order
        self.registrations: list[types.Registration] = []

    async def put(self, method: str, params: Any) -> None:
        async with self.changed:
            self.items[method].append(params)
            self.changed.notify_all()

    def mark(self, method: str) -> int:
        return len(self.items[method])

    async def next(
        self,
        method: str,
        *,
        after: int = 0,
        where: Callable[[Any], bool] = bool,
        timeout: float = 60,
    ) -> Any:
        """The first `method` notification past `after` for which `where` holds."""

        def find() -> Any:
            return next((p for p in self.items[method][after:] if where(p)), None)

        async with asyncio.timeout(timeout), self.changed:
            await self.changed.wait_for(lambda: find() is not None)
            return find()


def uri(path: Path) -> str:
    return from_fs_path(str(path)) or ""


def diagnostics_for(client: LanguageClient, path: Path) -> list[types.Diagnostic]:
    return list(client.diagnostics.get(uri(path), []))


@asynccontextmanager
async def lsp_session(
    workspace: Path,
    options: dict[str, Any] | None = None,
    capabilities: str = "visual-studio-code",
    position_encodings: list[str] | None = None,
) -> AsyncIterator[tuple[LanguageClient, Inbox]]:
    overridden = {types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, types.PROGRESS}

    def factory() -> LanguageClient:
        client = LanguageClient(converter_factory=default_converter)
        defaults = {m: f for m, f in DEFAULT_CLIENT_FEATURES.items() if m not in overridden}
        register_lsp_features(client, defaults)
        return client

    config = ClientServerConfig(
        server_command=[sys.executable, "-m", "storyville", "lsp"], client_factory=factory
    )
    client = await config.start()
    assert isinstance(client, LanguageClient)
    inbox = Inbox()

    for method in ("storyville/preview", "storyville/buildFinished"):
        client.feature(method)(_recorder(inbox, method))

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    async def diagnostics(ls: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        ls.diagnostics[params.uri] = params.diagnostics
        await inbox.put(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, params)

    @client.feature(types.PROGRESS)
    async def progress(ls: LanguageClient, params: types.ProgressParams) -> None:
        kind = params.value.get("kind") if isinstance(params.value, dict) else None
        inbox.progress.append((str(params.token), str(kind)))
        await inbox.put(types.PROGRESS, params)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    async def register(ls: LanguageClient, params: types.RegistrationParams) -> None:
        inbox.registrations.extend(params.registrations)
        await inbox.put(types.CLIENT_REGISTER_CAPABILITY, params)

    @client.feature(types.CLIENT_UNREGISTER_CAPABILITY)
    def unregister(ls: LanguageClient, params: types.UnregistrationParams) -> None:
        return None

    caps = client_capabilities(capabilities)
    if position_encodings is not None:
        caps.general = types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind(e) for e in position_encodings]
        )
    await client.initialize_session(
        types.InitializeParams(
            capabilities=caps,
            workspace_folders=[types.WorkspaceFolder(uri=uri(workspace), name=workspace.name)],
            root_uri=uri(workspace),
            initialization_options=options,
        )
    )
    try:
        yield client, inbox
    finally:
        await client.shutdown_session()


def _recorder(inbox: Inbox, method: str) -> Callable[..., Any]:
    async def record(ls: LanguageClient, params: Any) -> None:
        await inbox.put(method, params)

    return record


def save(client: LanguageClient, path: Path, text: str | None = None) -> None:
    """Write the file (when text is given) and send didSave, as an editor does."""
    if text is not None:
        path.write_text(text, encoding="utf-8")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri(path)))
    )
