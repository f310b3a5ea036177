"""Publishing diagnostics: every error of the latest state, and clearing files that healed."""

from __future__ import annotations

from collections.abc import Iterable

from lsprotocol import types
from pygls.uris import from_fs_path

from storyville.catalog.files import UserFiles
from storyville.lsp.base import StoryvilleServer
from storyville.lsp.diagnostics import DiagnosticMaker, read_lines
from storyville.results import BuildError


class DiagnosticsPublisher:
    """Knows which documents carry storyville diagnostics, so fixed ones are cleared."""

    def __init__(self, server: StoryvilleServer, user: UserFiles) -> None:
        self.server = server
        self.user = user
        self.published: set[str] = set()  # uris that have storyville diagnostics

    def maker(self) -> DiagnosticMaker:
        """Ranges in the client's position encoding, from open documents where they are open."""
        workspace = self.server.workspace

        def lines(file: str) -> list[str]:
            uri = from_fs_path(file)
            document = workspace.text_documents.get(uri) if uri else None
            return list(document.lines) if document is not None else read_lines(file)

        return DiagnosticMaker(lines, workspace.position_codec.position_to_client_units, self.user)

    def publish(self, errors: Iterable[BuildError]) -> None:
        by_uri = self.maker().by_uri(list(errors))
        for uri in self.published - set(by_uri):
            self.server.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )
        for uri, diagnostics in by_uri.items():
            self.server.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
            )
        self.published = set(by_uri)
