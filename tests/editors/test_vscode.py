"""A real VS Code: code-server runs the extension (vscode-extension/), Playwright drives it.

Issue 5 / SPEC §8. The toolchain (Node 24, code-server; ~3 min once) is installed by
scripts/setup-vscode-e2e.sh outside the repository; the .vsix is built by scripts/extension.sh
when it is older than the extension's sources. STORYVILLE_SKIP_VSCODE_E2E=1 skips this test
(reported as skipped, with the reason).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.editors.vscode_code_server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CodeServer,
    go_to_line,
    open_file,
    preview_frame,
    problem_counts,
    run_command,
    setup_toolchain,
    storyville_status,
    wait_for_errors,
)
from tests.helpers import REPO

pytestmark = [pytest.mark.editor, pytest.mark.timeout(900)]

EXTENSION = REPO / "vscode-extension"
VSIX = EXTENSION / "dist/storyville.vsix"
SCREENSHOT = REPO / "docs/images/vscode-preview.png"
STORIES = "examples/complete/controls/stories.py"
DESCRIPTION = "Buttons and inputs for ordering: big, friendly, thumb-sized targets."
EDIT = "Edited in VS Code. "
BROKEN = "this line is broken"


@pytest.fixture(scope="module")
def toolchain() -> Path:
    if os.environ.get("STORYVILLE_SKIP_VSCODE_E2E") == "1":
        pytest.skip("STORYVILLE_SKIP_VSCODE_E2E=1: the VS Code end-to-end test is skipped")
    return setup_toolchain()


def _sources() -> list[Path]:
    names = ["package.json", "package-lock.json", "README.md", "esbuild.mjs", "tsconfig.json"]
    return [EXTENSION / n for n in names] + sorted((EXTENSION / "src").rglob("*.ts"))


@pytest.fixture(scope="module")
def vsix() -> Path:
    """The packaged extension, rebuilt by scripts/extension.sh when older than its sources."""
    if not VSIX.exists() or VSIX.stat().st_mtime < max(p.stat().st_mtime for p in _sources()):
        done = subprocess.run(
            ["bash", str(REPO / "scripts/extension.sh")],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return VSIX


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of examples/complete, importable as `examples.complete`, set up for the extension."""
    ws = tmp_path / "ws"
    shutil.copytree(
        REPO / "examples/complete",
        ws / "examples/complete",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (ws / "examples/__init__.py").write_text("")
    (ws / ".vscode").mkdir()
    settings = {
        "storyville.interpreter": sys.executable,  # the project's venv: storyville is installed
        "storyville.package": "examples.complete",
    }
    (ws / ".vscode/settings.json").write_text(json.dumps(settings, indent=1))
    return ws


@pytest.fixture
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_preview_reloads_on_save_and_errors_land_on_the_line(
    toolchain: Path, vsix: Path, workspace: Path, browser: Browser, tmp_path: Path
) -> None:
    code_server = CodeServer(toolchain, tmp_path / "code-server")
    code_server.prepare(vsix)
    stories = workspace / STORIES
    line = stories.read_text().splitlines().index(f'        description="{DESCRIPTION}",') + 1
    blank = stories.read_text().splitlines().index("") + 1  # after the imports
    started = time.monotonic()
    with code_server.running(workspace) as url:
        page = browser.new_page(viewport={"width": 1500, "height": 900})
        try:
            drive(page, url, line, blank)
        except BaseException:
            page.screenshot(path=str(tmp_path / "failure.png"))
            print(f"screenshot: {tmp_path / 'failure.png'}")
            print("--- Storyville output channel ---\n" + code_server.extension_log())
            print("--- code-server ---\n" + code_server.log_tail())
            raise
        finally:
            page.close()
    print(f"VS Code end-to-end: {time.monotonic() - started:.1f} s")
    # What the editor saved is what is on disk: the edit, and the broken line gone again.
    text = stories.read_text()
    assert f'description="{EDIT}{DESCRIPTION}"' in text and BROKEN not in text


def drive(page: Page, url: str, line: int, blank: int) -> None:
    page.goto(url)
    page.locator(".monaco-workbench").wait_for(timeout=60_000)

    # The first build: the status bar item says so, the preview opens by itself beside the
    # editor (storyville.preview.openOnStart) and shows the catalog through code-server's
    # proxy (asExternalUri), not a loopback URL the browser might not reach.
    status = storyville_status(page)
    expect(status).to_contain_text("Storyville", timeout=60_000)
    expect(status).to_have_attribute("aria-label", re.compile(r"^check"), timeout=60_000)
    preview = preview_frame(page)
    expect(preview.locator("body")).to_contain_text(DESCRIPTION, timeout=30_000)
    src = page.frame_locator("iframe.webview.ready").frame_locator("#active-frame")
    frame_url = src.locator("iframe#preview").get_attribute("src")
    origin = url.split("/?", maxsplit=1)[0]
    assert frame_url and frame_url.startswith(f"{origin}/proxy/"), frame_url

    # Storyville: Open Preview, beside the stories.py being edited.
    run_command(page, "View: Close All Editors")
    expect(page.locator("iframe.webview.ready")).to_have_count(0, timeout=10_000)
    open_file(page, STORIES)
    run_command(page, "Storyville: Open Preview")
    expect(preview.locator("body")).to_contain_text(DESCRIPTION, timeout=30_000)
    expect(page.locator(".editor-group-container")).to_have_count(2)

    # Edit a story's text through the editor and save: the preview reloads by itself (the
    # page's live-reload WebSocket through the proxy) and keeps its scroll position.
    frame = page.frame(name="preview")
    assert frame is not None
    scrolled = frame.evaluate("(() => { window.scrollTo(0, 120); return window.scrollY; })()")
    assert scrolled > 20, "the preview page should be long enough to scroll"
    editor = page.locator(".monaco-editor .view-lines").first
    editor.click()
    go_to_line(page, line)
    page.keyboard.press("Home")  # the first non-blank: `description="`
    for _ in 'description="':
        page.keyboard.press("ArrowRight")
    page.keyboard.type(EDIT)
    page.keyboard.press("Control+s")
    expect(preview.locator("body")).to_contain_text(EDIT + DESCRIPTION, timeout=30_000)
    frame = page.frame(name="preview")
    assert frame is not None
    frame.wait_for_function("y => Math.abs(window.scrollY - y) < 2", arg=scrolled, timeout=10_000)
    expect(status).to_have_attribute("aria-label", re.compile(r"^check"), timeout=30_000)

    # The picture for the extension's README.
    frame.evaluate("window.scrollTo(0, 0)")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))

    # Break the file: the syntax error is squiggled on the line that broke, Problems count it.
    errors_before, _ = problem_counts(page)
    squiggles = page.locator(".monaco-editor .squiggly-error")
    expect(squiggles).to_have_count(0)
    editor.click()
    go_to_line(page, blank)
    page.keyboard.type(BROKEN)
    page.keyboard.press("Control+s")
    expect(squiggles.first).to_be_attached(timeout=30_000)
    assert squiggle_lines(page) == {BROKEN}
    expect(status).to_have_attribute("aria-label", re.compile(r"^error"), timeout=10_000)
    wait_for_errors(page, errors_before + 1)

    # Fix it: the squiggle and the problem go away; the preview still shows the last good build.
    go_to_line(page, blank)
    page.keyboard.press("Shift+End")
    page.keyboard.press("Delete")
    page.keyboard.press("Control+s")
    expect(squiggles).to_have_count(0, timeout=30_000)
    wait_for_errors(page, errors_before)
    expect(status).to_have_attribute("aria-label", re.compile(r"^check"), timeout=30_000)
    expect(preview.locator("body")).to_contain_text(EDIT.strip())


def squiggle_lines(page: Page) -> set[str]:
    """The text of the editor lines that carry an error squiggle (matched by position)."""
    return set(
        page.evaluate(
            """() => {
              const editor = document.querySelector('.monaco-editor');
              const lines = [...editor.querySelectorAll('.view-lines .view-line')];
              const found = new Set();
              for (const s of editor.querySelectorAll('.squiggly-error')) {
                const y = s.getBoundingClientRect().top + 1;
                for (const l of lines) {
                  const r = l.getBoundingClientRect();
                  if (y >= r.top && y < r.bottom) found.add(l.textContent.replace(/\\u00a0/g, ' ').trim());
                }
              }
              return [...found];
            }"""
        )
    )
