"""A real editor: headless Neovim 0.7 (Debian's) drives `storyville lsp` (issue 4)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.editors.workspace import editor_workspace
from tests.helpers import REPO

pytestmark = pytest.mark.editor
HERE = Path(__file__).resolve().parent


def test_neovim_gets_the_whole_loop(tmp_path: Path) -> None:
    """One Neovim session: the preview's URL, outline, completion, code lenses, diagnostics."""
    nvim = shutil.which("nvim")
    assert nvim, "Neovim is missing: `make test` installs Debian's neovim package"
    workspace = editor_workspace(tmp_path)
    opened = tmp_path / "opened.txt"
    result, _ = workspace.drive(
        [nvim, "--headless", "-u", str(HERE / "nvim_driver.lua"), str(workspace.stories)],
        "neovim-0.7.lua",
        {
            f"XDG_{d}_HOME": str(tmp_path / f"xdg-{d.lower()}")
            for d in ("CONFIG", "DATA", "STATE", "CACHE")
        }
        | {"STORYVILLE_OPENER": str(recording_opener(tmp_path)), "STORYVILLE_OPENED": str(opened)},
        cwd=workspace.stories.parent,  # not the root: the snippet finds that itself
    )
    assert result["ok"], result
    assert result["errmsg"] == ""
    # No pyproject.toml or .git (the getting-started layout): the root holds the top package.
    assert result["root_dir"] == str(tmp_path)
    # The preview: Neovim 0.7 cannot open documents, so the server says the URL, once.
    [said] = result["preview_messages"]
    url = said.rpartition(" ")[2]
    assert url.startswith("http://127.0.0.1:"), said
    # :StoryvillePreview asked the server and handed the same URL to the (stubbed) opener.
    assert result["opened"] == url
    assert result["preview_notified"] == url
    assert result["outline"] == ["Greeting", "Greeting / Default", "Greeting / Named"]
    assert "name" in result["completion"]
    assert result["omnifunc"] == "v:lua.vim.lsp.omnifunc"  # <C-x><C-o> asks the servers
    assert "Greeting › Default" in result["hover"], result["hover"]
    # A misspelt props key, unsaved: the static check shows while typing, and
    # vim.lsp.buf.code_action() (its menu answered with the first, preferred, fix) fixes it.
    assert result["static_check"]["code"] == "unknown-prop"
    assert "`nmae` is not a parameter of Greeting" in result["static_check"]["message"]
    assert result["quick_fixes"] == ["Change to `name`"]
    assert result["fixed_line"] == '            Story(title="Named", props={"name": "Ada"}),'
    assert result["static_cleared"] is True
    assert result["workspace_symbols"] == ["Components › Greeting › Named"]  # fuzzy, by path
    component = workspace.stories.parent / "greeting.py"
    field = component.read_text().splitlines().index('    name: str = "World"')
    assert result["definition"] == {"file": str(component), "line": field}  # from "name"
    # Code lenses, shown through the snippet's autocmd: a Preview per subject and story.
    previews = [lens for lens in result["lenses"] if lens["command"] == "storyville.showStory"]
    assert [lens["arguments"][0]["page"] for lens in previews] == [
        "components/greeting/index.html",
        "components/greeting/0.html",
        "components/greeting/1.html",
    ]
    assert all(lens["title"] == "Preview" for lens in previews)
    # Running the Default story's lens: Neovim 0.7 cannot open it, so the server says where.
    assert result["story_lens"]["arguments"][0]["page"] == "components/greeting/0.html"
    assert result["story_message"] == f"storyville: the story is at {url}components/greeting/0.html"
    [diagnostic] = result["diagnostics"]
    assert diagnostic["lnum"] == workspace.line  # 0-based, the line we broke
    assert diagnostic["source"] == "storyville"
    assert "SyntaxError" in diagnostic["message"]
    assert result["cleared"] is True


def recording_opener(tmp_path: Path) -> Path:
    """Stands in for xdg-open: records the URL it is given instead of starting a browser."""
    opener = tmp_path / "opener.sh"
    opener.write_text(
        '#!/bin/sh\nprintf \'%s\\n\' "$1" > "$STORYVILLE_OPENED.tmp"\n'
        'mv "$STORYVILLE_OPENED.tmp" "$STORYVILLE_OPENED"\n'
    )
    opener.chmod(0o755)
    return opener


def test_the_documented_snippet_is_the_tested_one() -> None:
    snippet = (REPO / "docs/snippets/neovim-0.7.lua").read_text()
    assert snippet.strip() in (REPO / "docs/editors.md").read_text()


def test_the_untested_0_10_snippet_parses_and_finds_the_root_as_the_tested_one() -> None:
    """Neovim 0.10 is not installed: its snippet is only parsed (by 0.7's LuaJIT), and its
    root finding must be the tested snippet's, character for character."""
    nvim = shutil.which("nvim")
    assert nvim, "Neovim is missing: `make test` installs Debian's neovim package"
    path = REPO / "docs/snippets/neovim-0.10.lua"
    snippet, tested = path.read_text(), (REPO / "docs/snippets/neovim-0.7.lua").read_text()
    assert snippet.strip() in (REPO / "docs/editors.md").read_text()
    root_of = tested[tested.index("-- The workspace of") : tested.index("\nend\n") + 5]
    assert root_of in snippet
    for setting in ("storyville_python", "storyville_options", "storyville_open"):
        assert f"vim.g.{setting}" in snippet
    parsed = subprocess.run(
        [nvim, "--headless", "-u", "NONE", "-c", f"lua assert(loadfile('{path}'))", "-c", "qa!"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert parsed.returncode == 0, parsed.stderr
