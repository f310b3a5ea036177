"""`import storyville.__main__` from a test must not run the CLI (and exit the test run)."""

from __future__ import annotations

import importlib
import subprocess
import sys


def test_importing_the_main_module_runs_nothing() -> None:
    module = importlib.import_module("storyville.__main__")
    assert callable(module.main)


def test_python_dash_m_still_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "storyville", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    assert "serve" in done.stdout
