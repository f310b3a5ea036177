"""A real editor: Emacs 28 with eglot 1.9 (Debian's) drives `storyville lsp` in batch mode."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.editors.workspace import editor_workspace
from tests.helpers import REPO

pytestmark = pytest.mark.editor
HERE = Path(__file__).resolve().parent


def test_eglot_gets_the_diagnostic_on_the_broken_line_and_then_clears_it(tmp_path: Path) -> None:
    emacs = shutil.which("emacs")
    assert emacs, "Emacs is missing: `make test` installs Debian's emacs-nox and elpa-eglot"
    workspace = editor_workspace(tmp_path)
    result, stderr = workspace.drive(
        [emacs, "--batch", "-Q", "-l", str(HERE / "emacs_driver.el")],
        "emacs-eglot.el",
        {"HOME": str(tmp_path / "home")},
    )
    assert result["ok"], (result, stderr[-2000:])
    assert result["line"] == workspace.line
    assert "SyntaxError" in result["message"]


def test_the_documented_snippet_is_the_tested_one() -> None:
    snippet = (REPO / "docs/snippets/emacs-eglot.el").read_text()
    assert snippet.strip() in (REPO / "docs/editors.md").read_text()
