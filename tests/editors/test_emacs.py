"""A real editor: Emacs 28 with eglot 1.9 (Debian's) drives `storyville lsp` in batch mode."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.editors.workspace import editor_workspace
from tests.helpers import REPO

pytestmark = pytest.mark.editor
HERE = Path(__file__).resolve().parent


def test_eglot_gets_the_whole_loop(tmp_path: Path) -> None:
    """One Emacs session: the preview's URL, outline, completion, a change outside Emacs
    above eglot's project root, diagnostics. eglot 1.9 has no code lenses."""
    emacs = shutil.which("emacs")
    assert emacs, "Emacs is missing: `make test` installs Debian's emacs-nox and elpa-eglot"
    workspace = editor_workspace(tmp_path)
    assert not (tmp_path / ".git").exists()  # so eglot's project is the file's directory
    result, stderr = workspace.drive(
        [emacs, "--batch", "-Q", "-l", str(HERE / "emacs_driver.el")],
        "emacs-eglot.el",
        {"HOME": str(tmp_path / "home")},
    )
    assert result["ok"], (result, stderr[-2000:])
    # The preview: eglot drops storyville/preview and cannot open documents, so the server
    # says the URL, once, and eglot shows it (in batch mode, on stderr).
    [said] = result["preview_messages"]
    url = said.rpartition(" ")[2]
    assert url.startswith("http://127.0.0.1:"), said
    assert stderr.count(said) == 1, stderr[-2000:]
    # `storyville-preview` asked the server and gave the same URL to the (stubbed) browser.
    assert result["opened"] == url
    assert result["outline"] == ["Greeting", "Greeting / Default", "Greeting / Named"]
    assert "name" in result["completion"]
    assert "Greeting › Default" in (result["hover"] or ""), stderr[-3000:]  # eldoc's text
    # xref-find-apropos lists a symbol by the line it is on: the Named story's.
    assert [line.strip() for line in result["workspace_symbols"]] == [
        'Story(title="Named", props={"name": "Ada"}),'
    ]
    component = workspace.stories.parent / "greeting.py"
    field = component.read_text().splitlines().index('    name: str = "World"')
    assert result["definition"] == {"file": str(component), "line": field}  # M-. on "name"
    # A misspelt props key, unsaved: flymake shows the static check; M-x eglot-code-actions
    # (its menu answered with RET, the preferred fix) puts the right key back.
    assert "`nmae` is not a parameter of Greeting" in result["static_check"]
    assert result["quick_fixes"] == ["Change to `name`"]
    assert "quick_fix_error" not in result
    assert result["fixed_as_written"] is True
    assert result["static_cleared"] is True
    # Changed outside Emacs, above eglot's root: the server's own watcher rebuilt.
    above = str(workspace.stories.parent.parent / "stories.py")
    assert result["outside_build"] == {"ok": False, "files": [above]}
    assert result["outside_fixed"] is True
    assert result["line"] == workspace.line
    assert "SyntaxError" in result["message"]


def test_the_documented_snippet_is_the_tested_one() -> None:
    snippet = (REPO / "docs/snippets/emacs-eglot.el").read_text()
    assert snippet.strip() in (REPO / "docs/editors.md").read_text()
