"""storyville.lsp.diagnostic_sets: the build's and the static checks' diagnostics, merged."""

from __future__ import annotations

from lsprotocol import types
from storyville.lsp.diagnostic_sets import DiagnosticSets


def diagnostic(message: str) -> types.Diagnostic:
    return types.Diagnostic(types.Range(types.Position(0, 0), types.Position(0, 1)), message)


def test_each_publish_carries_both_producers_share() -> None:
    sent: list[tuple[str, list[str]]] = []
    sets = DiagnosticSets(lambda uri, found: sent.append((uri, [d.message for d in found])))
    sets.update("static", "a", [diagnostic("typo")])
    sets.replace("build", {"a": [diagnostic("TypeError")], "b": [diagnostic("import")]})
    sets.update("static", "a", [])  # fixed while typing: the build's error stays
    sets.replace("build", {})  # a good build: each document it had named is cleared of it
    assert sent == [
        ("a", ["typo"]),
        ("a", ["TypeError", "typo"]),
        ("b", ["import"]),
        ("a", ["TypeError"]),
        ("a", []),
        ("b", []),
    ]


def test_unchanged_static_findings_are_not_sent_again() -> None:
    sent: list[str] = []
    sets = DiagnosticSets(lambda uri, found: sent.append(uri))
    sets.update("static", "a", [])
    sets.update("static", "a", [diagnostic("typo")])
    sets.update("static", "a", [diagnostic("typo")])
    assert sent == ["a"]
    assert sets.of("static", "a") == [diagnostic("typo")]
