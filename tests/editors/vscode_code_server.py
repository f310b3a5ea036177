"""A real VS Code for tests/editors/test_vscode.py: code-server on 127.0.0.1 with an isolated
profile, and a few workbench gestures (command palette, go to line, save) through Playwright.

The toolchain (Node 24, code-server) comes from scripts/setup-vscode-e2e.sh.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import FrameLocator, Locator, Page, expect

from tests.helpers import REPO

SETUP = REPO / "scripts/setup-vscode-e2e.sh"
EXTENSION = REPO / "vscode-extension"
VSIX = EXTENSION / "dist/storyville.vsix"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
USER_SETTINGS = {
    "workbench.startupEditor": "none",
    "security.workspace.trust.enabled": False,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoCheckUpdates": False,
    "extensions.autoUpdate": False,
    "extensions.ignoreRecommendations": True,
    "workbench.tips.enabled": False,
    "workbench.enableExperiments": False,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "workbench.colorTheme": "Default Light Modern",
    "chat.disableAIFeatures": True,
    "remote.autoForwardPorts": False,
    "editor.minimap.enabled": False,
    "window.commandCenter": False,
    "files.autoSave": "off",
    "editor.wordWrap": "on",
    # Completion tests see only what a language server offers, not the file's own words.
    "editor.wordBasedSuggestions": "off",
}


def setup_toolchain() -> Path:
    """Runs the idempotent setup script; returns its cache directory."""
    done = subprocess.run(
        ["bash", str(SETUP)], capture_output=True, text=True, timeout=900, check=False
    )
    assert done.returncode == 0, f"{SETUP} failed:\n{done.stderr[-4000:]}"
    return Path(done.stdout.strip().splitlines()[-1])


def vsix_sources() -> list[Path]:
    """What the .vsix is made of, the storyville wheel it carries included."""
    names = ["package.json", "package-lock.json", "README.md", "esbuild.mjs", "tsconfig.json"]
    return [
        *(EXTENSION / n for n in names),
        *sorted((EXTENSION / "src").rglob("*.ts")),
        REPO / "pyproject.toml",
        *sorted((REPO / "server/storyville").rglob("*.py")),
    ]


def rebuild_vsix() -> subprocess.CompletedProcess[str] | None:
    """Runs scripts/extension.sh when the .vsix is older than its sources; its run, or None."""
    if VSIX.exists() and VSIX.stat().st_mtime >= max(p.stat().st_mtime for p in vsix_sources()):
        return None
    return subprocess.run(
        ["bash", str(REPO / "scripts/extension.sh")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class CodeServer:
    toolchain: Path
    home: Path  # profile, HOME and XDG directories all live here
    pid: int | None = None  # while running: code-server's pid, also its process group id

    @property
    def binary(self) -> Path:
        return self.toolchain / "cs/node_modules/.bin/code-server"

    @property
    def user_data(self) -> Path:
        return self.home / "user-data"

    @property
    def extensions(self) -> Path:
        return self.home / "extensions"

    @property
    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "PATH": f"{self.toolchain / 'node24/bin'}:{os.environ['PATH']}",
            "HOME": str(self.home / "home"),
            "XDG_CONFIG_HOME": str(self.home / "xdg-config"),
            "XDG_DATA_HOME": str(self.home / "xdg-data"),
            "XDG_CACHE_HOME": str(self.home / "xdg-cache"),
            "XDG_STATE_HOME": str(self.home / "xdg-state"),
            # No extension gallery: code-server would otherwise query its default one.
            "EXTENSIONS_GALLERY": "{}",
        }

    def _flags(self) -> list[str]:
        return ["--user-data-dir", str(self.user_data), "--extensions-dir", str(self.extensions)]

    def prepare(self, vsix: Path) -> None:
        (self.home / "home").mkdir(parents=True, exist_ok=True)
        settings = self.user_data / "User/settings.json"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(json.dumps(USER_SETTINGS, indent=1))
        done = subprocess.run(
            [str(self.binary), *self._flags(), "--install-extension", str(vsix)],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr

    @contextlib.contextmanager
    def running(self, folder: Path) -> Iterator[str]:
        """Starts code-server on a free port; yields the workbench URL for `folder`."""
        port = free_port()
        log = (self.home / "code-server.log").open("w")
        process = subprocess.Popen(
            [
                str(self.binary),
                "--bind-addr",
                f"127.0.0.1:{port}",
                "--auth",
                "none",
                *self._flags(),
                "--disable-telemetry",
                "--disable-update-check",
                "--disable-workspace-trust",
                "--disable-getting-started-override",
                "--ignore-last-opened",
                str(folder),
            ],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped with everything it started
        )
        self.pid = process.pid
        try:
            deadline = time.monotonic() + 60
            while True:
                assert process.poll() is None, self.log_tail()
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    assert time.monotonic() < deadline, "code-server did not listen in 60 s"
                    time.sleep(0.1)
            yield f"http://127.0.0.1:{port}/?folder={folder}"
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            log.close()
            self.pid = None

    def language_servers(self) -> list[int]:
        """The `storyville lsp` processes started inside this code-server (its process group)."""
        assert self.pid is not None
        found = []
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                cmdline = (proc / "cmdline").read_bytes().split(b"\0")
                same_group = os.getpgid(int(proc.name)) == self.pid
            except OSError:
                continue
            if same_group and cmdline[1:4] == [b"-m", b"storyville", b"lsp"]:
                found.append(int(proc.name))
        return found

    def log_tail(self, chars: int = 4000) -> str:
        path = self.home / "code-server.log"
        return path.read_text(errors="replace")[-chars:] if path.exists() else ""

    def extension_log(self, chars: int = 6000) -> str:
        """What the extension wrote to its "Storyville" output channel."""
        logs = sorted(self.user_data.glob("logs/**/*Storyville*.log"))
        return "\n".join(p.read_text(errors="replace")[-chars:] for p in logs)


# --- workbench gestures -------------------------------------------------------------------


def run_command(page: Page, title: str) -> None:
    """Runs a command by its title from the command palette (F1)."""
    page.keyboard.press("F1")
    box = page.locator(".quick-input-widget input")
    box.wait_for(state="visible", timeout=10_000)
    box.fill(f">{title}")
    row = page.locator(".quick-input-list .monaco-list-row", has_text=title).first
    row.wait_for(timeout=10_000)
    row.click()


def open_file(page: Page, relative: str) -> None:
    """Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab."""
    page.keyboard.press("Control+p")
    box = page.locator(".quick-input-widget input")
    box.wait_for(state="visible", timeout=10_000)
    box.fill(relative)
    first = page.locator(".quick-input-list .monaco-list-row").first
    first.wait_for(timeout=10_000)
    # The list shows recently opened files until the search answers: wait for the file itself.
    folder, _, name = relative.rpartition("/")
    expect(first.locator(".label-name")).to_have_text(name, timeout=10_000)
    if folder:
        expect(first.locator(".label-description")).to_have_text(folder, timeout=10_000)
    page.keyboard.press("Enter")
    page.locator(".monaco-editor .view-lines").first.wait_for(timeout=30_000)


def go_to_line(page: Page, line: int) -> None:
    """Ctrl+G: puts the cursor at the start of `line` (1-based) in the active editor."""
    page.keyboard.press("Control+g")
    box = page.locator(".quick-input-widget input")
    box.wait_for(state="visible", timeout=10_000)
    box.fill(f":{line}")
    page.keyboard.press("Enter")
    box.wait_for(state="hidden", timeout=10_000)


def preview_frame(page: Page) -> FrameLocator:
    """The preview page: webview iframe → its #active-frame → the extension's #preview iframe."""
    return (
        page.frame_locator("iframe.webview.ready")
        .frame_locator("#active-frame")
        .frame_locator("iframe#preview")
    )


PROBLEM_COUNTS = """() => {
  const item = document.getElementById('status.problems');
  const numbers = item ? (item.innerText.match(/\\d+/g) || []).map(Number) : [];
  return numbers.length >= 2 ? numbers.slice(0, 2) : null;
}"""


def problem_counts(page: Page) -> tuple[int, int]:
    """(errors, warnings) as the status bar's Problems entry shows them."""
    handle = page.wait_for_function(PROBLEM_COUNTS, timeout=10_000)
    errors, warnings = handle.json_value()
    return errors, warnings


def wait_for_errors(page: Page, errors: int, timeout: float = 30_000) -> None:
    """Waits until the Problems entry counts `errors` errors."""
    page.wait_for_function(
        f"n => {{ const c = ({PROBLEM_COUNTS})(); return c !== null && c[0] === n; }}",
        arg=errors,
        timeout=timeout,
    )


def storyville_status(page: Page) -> Locator:
    """The extension's status bar item (its id is `<extension id>.<item id>`)."""
    return page.locator('[id="storyville.storyville.storyville.status"]')
