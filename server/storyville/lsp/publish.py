"""Publishing a build's diagnostics: every error of the latest state; files that healed clear."""

from __future__ import annotations

from collections.abc import Iterable

from pygls.uris import from_fs_path

from storyville.catalog.files import UserFiles
from storyville.lsp.base import StoryvilleServer
from storyville.lsp.diagnostics import DiagnosticMaker, read_lines
from storyville.results import BuildError


class DiagnosticsPublisher:
    """Turns the build's errors into diagnostics, in the client's units, as the build's set."""

    def __init__(self, server: StoryvilleServer, user: UserFiles) -> None:
        self.server = server
        self.user = user

    def maker(self) -> DiagnosticMaker:
        """Ranges in the client's position encoding, from open documents where they are open."""
        workspace = self.server.workspace

        def lines(file: str) -> list[str]:
            uri = from_fs_path(file)
            document = workspace.text_documents.get(uri) if uri else None
            return list(document.lines) if document is not None else read_lines(file)

        return DiagnosticMaker(lines, workspace.position_codec.position_to_client_units, self.user)

    def publish(self, errors: Iterable[BuildError]) -> None:
        """The build's share of each document's diagnostics (the static checks keep theirs)."""
        self.server.diagnostics.replace("build", self.maker().by_uri(list(errors)))
