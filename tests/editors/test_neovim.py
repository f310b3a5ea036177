"""A real editor: headless Neovim 0.7 (Debian's) drives `storyville lsp` (issue 4)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.editors.workspace import editor_workspace
from tests.helpers import REPO

pytestmark = pytest.mark.editor
HERE = Path(__file__).resolve().parent


def test_neovim_gets_the_diagnostic_on_the_broken_line_and_then_clears_it(tmp_path: Path) -> None:
    nvim = shutil.which("nvim")
    assert nvim, "Neovim is missing: `make test` installs Debian's neovim package"
    workspace = editor_workspace(tmp_path)
    result, _ = workspace.drive(
        [nvim, "--headless", "-u", str(HERE / "nvim_driver.lua"), str(workspace.stories)],
        "neovim-0.7.lua",
        {
            f"XDG_{d}_HOME": str(tmp_path / f"xdg-{d.lower()}")
            for d in ("CONFIG", "DATA", "STATE", "CACHE")
        },
    )
    assert result["ok"], result
    [diagnostic] = result["diagnostics"]
    assert diagnostic["lnum"] == workspace.line  # 0-based, the line we broke
    assert diagnostic["source"] == "storyville"
    assert "SyntaxError" in diagnostic["message"]
    assert result["cleared"] is True


def test_the_documented_snippet_is_the_tested_one() -> None:
    snippet = (REPO / "docs/snippets/neovim-0.7.lua").read_text()
    assert snippet.strip() in (REPO / "docs/editors.md").read_text()
