"""Static story checks in the editor: diagnostics while typing, and their quick fixes.

Open `stories.py` documents are checked on open, on every change and whenever a Python
file is saved or changed on disk (a component's parameters may have changed), from the
parse cache and without a build. They go out as the "static" share of each document's
diagnostics, so a build's errors in the same file stay. While the text does not parse,
the last findings stay: the file is being typed, and the build reports the syntax error
on save.
"""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from storyville.lsp.base import StoryvilleServer
from storyville.lsp.diagnostic_sets import DiagnosticSets
from storyville.lsp.diagnostics import SOURCE
from storyville.lsp.signatures import Signatures
from storyville.lsp.source_index import SourceIndex
from storyville.lsp.stories_source import ParsedFile
from storyville.lsp.story_checks import Finding, check

_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning}


class StoryChecks:
    def __init__(self, index: SourceIndex, diagnostics: DiagnosticSets) -> None:
        self.index = index
        self.diagnostics = diagnostics
        self.signatures = Signatures(index.cache)

    def findings(self, uri: str) -> tuple[ParsedFile, list[Finding]] | None:
        """The document's findings; None when it is no stories.py or does not parse now."""
        found = self.index.text(uri)
        if found is None or Path(found[0]).name != "stories.py":
            return None
        path, text = found
        cache = self.index.cache
        parsed = cache.parse(path, text)
        if parsed is None or parsed.tree is None:
            return None
        info = cache.info(path, text)
        if info is None:
            return parsed, []
        roots = self.index.roots()
        return parsed, check(info, lambda target: self.signatures.of(parsed, target, roots))

    def diagnostic(self, parsed: ParsedFile, finding: Finding) -> types.Diagnostic:
        return types.Diagnostic(
            range=self.index.range(parsed, finding.span),
            message=finding.message,
            severity=_SEVERITY[finding.severity],
            code=finding.code,
            source=SOURCE,
        )

    def refresh(self, uri: str) -> None:
        if (result := self.findings(uri)) is None:
            return
        parsed, findings = result
        diagnostics = [self.diagnostic(parsed, f) for f in findings]
        self.diagnostics.update("static", uri, diagnostics)

    def files_changed(self, paths: set[str]) -> None:
        """Saved or changed on disk: a component's parameters may be new."""
        if any(p.endswith(".py") for p in paths):
            for uri in self.index.open_uris():
                self.refresh(uri)

    def closed(self, uri: str) -> None:
        """A closed document is no longer checked: what was said of it goes (the build's stays)."""
        self.diagnostics.update("static", uri, [])

    def code_actions(self, uri: str, where: types.Range) -> list[types.CodeAction]:
        """A quick fix for each misspelt props key in `where`, from the current text."""
        if (result := self.findings(uri)) is None:
            return []
        parsed, findings = result
        actions = []
        for finding in findings:
            diagnostic = self.diagnostic(parsed, finding)
            if finding.fix is None or not _overlap(diagnostic.range, where):
                continue
            edit = types.TextEdit(self.index.range(parsed, finding.fix.span), finding.fix.text)
            actions.append(
                types.CodeAction(
                    title=finding.fix.title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=True,
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
        return actions


def _overlap(a: types.Range, b: types.Range) -> bool:
    def at(p: types.Position) -> tuple[int, int]:
        return p.line, p.character

    return at(a.start) <= at(b.end) and at(b.start) <= at(a.end)


def register_story_checks(server: StoryvilleServer, index: SourceIndex) -> StoryChecks:
    checks = StoryChecks(index, server.diagnostics)
    server.on_files_changed.append(checks.files_changed)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: StoryvilleServer, params: types.DidOpenTextDocumentParams) -> None:
        checks.refresh(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: StoryvilleServer, params: types.DidChangeTextDocumentParams) -> None:
        checks.refresh(params.text_document.uri)
        for listener in ls.on_document_changed:
            listener(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: StoryvilleServer, params: types.DidCloseTextDocumentParams) -> None:
        checks.closed(params.text_document.uri)
        for listener in ls.on_document_closed:
            listener(params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: StoryvilleServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return checks.code_actions(params.text_document.uri, params.range)

    return checks
