"""The docs' examples work as written."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import REPO, run_cli


def test_getting_started_catalog_builds_and_serves_as_shown(tmp_path: Path) -> None:
    text = (REPO / "docs/getting-started.md").read_text()
    blocks = re.findall(r"```python\n# (\S+)\n(.*?)```", text, re.S)
    assert len(blocks) == 3
    for name, source in blocks:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
    for package in ("ui", "ui/alert"):
        (tmp_path / package / "__init__.py").touch()
    done = run_cli("build", "ui", "site", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "2 stories" in done.stdout
    assert "Could not save." in (tmp_path / "site/alert/1.html").read_text()
