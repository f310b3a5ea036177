"""Faults in a catalog never take `storyville lsp` down: each is a diagnostic at its line.

The language server drives a build host process; these tests make the catalog segfault,
exit, abort, block in C, eat memory and flood stdout, through the real server over stdio.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp_harness import lsp_session, save
from tests.test_lsp import BUTTON, diagnostics_settle, first_build, write_catalog

DIAGNOSTICS = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
BUILD = "storyville/buildFinished"


def breaking(body: str, imports: str) -> str:
    """BUTTON with `body` run when the component renders."""
    return f"{imports}\n" + BUTTON.replace("    return html(", f"    {body}\n    return html(")


FAULTS = {
    "segfault": (
        breaking("ctypes.string_at(0)", "import ctypes"),
        r"build crashed: segmentation fault \(SIGSEGV\) while rendering Button › Primary",
        "crash",
    ),
    "os._exit": (
        breaking("os._exit(3)", "import os"),
        r"the build called os\._exit\(3\) while rendering Button › Primary",
        "crash",
    ),
    "abort": (
        breaking("os.abort()", "import os"),
        r"build crashed: abort \(SIGABRT\)",
        "crash",
    ),
    "blocked in C": (
        breaking("time.sleep(3600)", "import time"),
        r"the build took longer than 2 s and was stopped",
        "timeout",
    ),
    "memory": (
        breaking("bytes(2 * 2**30)", ""),
        r"the build used more than 1 GiB",
        "memory",
    ),
}


@pytest.mark.parametrize("fault", FAULTS)
async def test_fault_is_a_diagnostic_at_its_line_and_the_next_save_builds(
    tmp_path: Path, fault: str
) -> None:
    shop = write_catalog(tmp_path)
    button = shop / "widgets/button/button.py"
    source, message, code = FAULTS[fault]
    options = {"package": "shop", "timeLimit": 2, "memoryLimitMb": 1024}
    async with lsp_session(shop.parent, options) as (client, inbox):
        await first_build(inbox)
        mark = inbox.mark(DIAGNOSTICS)
        save(client, button, source)
        [diagnostic] = await diagnostics_settle(inbox, client, button, after=mark)
        faulting = next(
            i
            for i, line in enumerate(source.splitlines())
            if "    " + line.strip() == line
            and any(k in line for k in ("string_at", "_exit", "abort", "sleep", "bytes("))
        )
        assert re.search(message, diagnostic.message), diagnostic.message
        assert diagnostic.code == code
        assert diagnostic.range.start.line == faulting
        # the server carries on: the fix builds and clears the diagnostic
        built, cleared = inbox.mark(BUILD), inbox.mark(DIAGNOSTICS)
        save(client, button, BUTTON.replace("Café", "Fixed"))
        assert (await inbox.next(BUILD, after=built, where=lambda p: p.ok)).ok
        assert await diagnostics_settle(inbox, client, button, after=cleared, present=False) == []


async def test_output_floods_stay_out_of_the_protocol(tmp_path: Path) -> None:
    """50 MB printed and written to the raw stdout: the protocol stream carries on."""
    shop = write_catalog(tmp_path)
    button = shop / "widgets/button/button.py"
    flood = "import os\nprint('p' * 50_000_000)\nos.write(1, b'w' * 50_000_000)\n"
    async with lsp_session(shop.parent, {"package": "shop"}) as (client, inbox):
        await first_build(inbox)
        mark = inbox.mark(BUILD)
        save(client, button, flood + BUTTON.replace("Café", "Flooded"))
        assert (await inbox.next(BUILD, after=mark)).ok
        mark = inbox.mark(DIAGNOSTICS)
        save(
            client,
            button,
            BUTTON.replace("return html(", "raise ValueError('x')\n    return html("),
        )
        [diagnostic] = await diagnostics_settle(inbox, client, button, after=mark)
        assert "ValueError: x (while rendering Button › Primary, Button › Checked)" in (
            diagnostic.message
        )


def _processes_in(directory: Path) -> list[int]:
    """Processes whose working directory is `directory` (a build host runs in the workspace)."""
    found = []
    for cwd in Path("/proc").glob("[0-9]*/cwd"):
        try:
            if cwd.resolve() == directory.resolve():
                found.append(int(cwd.parent.name))
        except OSError:
            continue
    return found


async def test_shutdown_while_the_catalog_starts_stops_its_build_host(tmp_path: Path) -> None:
    """The editor closes at once: the host being started is stopped too, not orphaned."""
    shop = write_catalog(tmp_path)
    async with lsp_session(shop.parent, {"package": "shop"}):
        pass  # shutdown and exit follow initialized straight away
    assert _processes_in(tmp_path) == []
