"""Changes outside the editor above the client's workspace folder (eglot without `.git`).

Over stdio with pytest-lsp's client, announcing VS Code's capabilities (it can watch files)
but a workspace folder below the catalog's package, as eglot does when the project has no
version control: the client would watch only that folder, so the server watches the
package itself and registers nothing with the client. The same case in a real Emacs is
`tests/editors/test_emacs.py`.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.lsp_harness import lsp_session
from tests.test_lsp import BUILD, first_build, write_catalog


async def test_a_change_above_the_workspace_folder_is_watched_by_the_server(
    tmp_path: Path,
) -> None:
    shop = write_catalog(tmp_path)
    folder = shop / "widgets/button"  # the visited file's directory
    section = shop / "widgets/stories.py"
    async with lsp_session(folder, {"package": "shop"}) as (client, inbox):
        await first_build(inbox)
        mark = inbox.mark(BUILD)
        # Written outside the editor, above the folder: no didSave, no didChangeWatchedFiles.
        section.write_text(section.read_text() + "\ndef broken(:\n")
        failed = await inbox.next(BUILD, after=mark, timeout=30)
        assert not failed.ok
        assert [e.file for e in failed.errors] == [str(section)]
        await asyncio.sleep(0.2)  # nothing was registered with the client for it
        assert inbox.registrations == []
        assert any(
            "storyville watches" in m.message and str(shop) in m.message
            for m in client.log_messages
        )
