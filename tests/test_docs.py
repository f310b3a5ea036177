"""The docs' examples work as written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
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


def test_install_steps_work_as_written(tmp_path: Path) -> None:
    """getting-started.md's install commands, run as written: a clone in ~/src/storyville
    (here a copy of this checkout's sources), the project in the current directory. The pip
    variant is not run: this machine's Python 3.14 has no ensurepip."""
    text = (REPO / "docs/getting-started.md").read_text()
    section = text[
        text.index("**Not from the public package index") : text.index("## The quickest")
    ]
    commands = [
        line.removeprefix("$ ").split("  #")[0].strip()
        for block in re.findall(r"```console\n(.*?)```", section, re.S)
        for line in block.splitlines()
        if line.startswith("$ ")
    ]
    assert len(commands) == 6 and "pip install storyville" not in section.replace(
        "`pip install storyville` installs", ""
    )
    home, project = tmp_path / "home", tmp_path / "project"
    clone = home / "src/storyville"
    for name in ("pyproject.toml", "README.md", "Makefile", "scripts/wheel.sh"):
        (clone / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, clone / name)
    shutil.copytree(REPO / "server", clone / "server", ignore=shutil.ignore_patterns("__pycache__"))
    project.mkdir()
    uv = shutil.which("uv") or str(Path.home() / ".local/bin/uv")
    cache = subprocess.run([uv, "cache", "dir"], capture_output=True, text=True, check=True).stdout
    env = {
        **os.environ,
        "HOME": str(home),
        "UV_CACHE_DIR": cache.strip(),  # the packages uv already has: no second download
        "PATH": os.pathsep.join(
            [str(Path(uv).parent), str(Path(sys.base_prefix) / "bin"), os.environ["PATH"]]
        ),
    }
    env.pop("VIRTUAL_ENV", None)
    outputs = []
    for command in commands:
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, f"$ {command}\n{done.stdout}{done.stderr}"
        outputs.append(done.stdout + done.stderr)
    assert "wrote a small catalog of 4 stories" in outputs[2]
    assert ", 4 stories, " in outputs[5]
    assert (project / "site/index.html").exists()
    version = subprocess.run(
        [
            str(project / ".venv/bin/python"),
            "-c",
            "import importlib.metadata as m; print(m.version('storyville'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert version == tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
