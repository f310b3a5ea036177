"""What the Neovim and Emacs tests share: a workspace, a file to break, the driver's env."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from storyville.catalog.ignore import ignored_in_copy

from tests.helpers import REPO


@dataclass(frozen=True)
class EditorWorkspace:
    root: Path
    stories: Path  # the stories.py the editor opens, breaks and fixes
    line: int  # 0-based: the line it breaks

    def env(self, snippet: str, out: Path) -> dict[str, str]:
        """The environment of an editor driver: the snippet under test and its inputs."""
        return {
            **os.environ,
            "STORYVILLE_PYTHON": sys.executable,
            "STORYVILLE_PACKAGE": "examples.minimal",
            "STORYVILLE_SNIPPET": str(REPO / "docs/snippets" / snippet),
            "STORYVILLE_FILE": str(self.stories),
            "STORYVILLE_BREAK_LINE": str(self.line),
            "STORYVILLE_OUT": str(out),
        }

    def drive(
        self, argv: list[str], snippet: str, extra_env: dict[str, str], cwd: Path | None = None
    ) -> tuple[dict, str]:
        """Run an editor driver to its end (in `cwd`, else the workspace's root); return the
        JSON it wrote and its stderr."""
        out = self.root / "driver.json"
        done = subprocess.run(
            argv,
            cwd=cwd or self.root,
            env=self.env(snippet, out) | extra_env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert out.exists(), done.stderr[-3000:]
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(out.read_text()), done.stderr


def editor_workspace(tmp_path: Path) -> EditorWorkspace:
    """A copy of examples/minimal; the line to break is its subject's factory."""
    shutil.copytree(
        REPO / "examples/minimal",
        tmp_path / "examples/minimal",
        ignore=ignored_in_copy,
    )
    (tmp_path / "examples/__init__.py").write_text("")
    stories = tmp_path / "examples/minimal/components/greeting/stories.py"
    line = stories.read_text().splitlines().index("def this_subject() -> Subject:")
    return EditorWorkspace(tmp_path, stories, line)
