"""A save that changes where a node sits is checked against the whole tree.

After a save that keeps the tree, only the rebuilt nodes and their children are checked
again (the rest passed when they were published): these saves make the mistakes that
check must still catch, through a real dev session and build interpreter.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from storyville.devloop.builders import SubinterpreterBuilder
from storyville.devloop.session import DevSession, SessionConfig
from storyville.results import ErrorKind

from tests.helpers import SIMPLE, new_catalog

AS_SUBJECT = """
    from storyville import Subject

    def this_subject() -> Subject:
        return Subject(title="Widgets")
"""
AS_CATALOG = """
    from storyville import Catalog

    def this_catalog() -> Catalog:
        return Catalog(title="Widgets")
"""


def test_saves_that_misplace_a_node_are_structure_errors(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, SIMPLE)
    section = catalog.dir / "widgets/stories.py"
    config = SessionConfig(catalog.package, (str(tmp_path),), (str(tmp_path),), tmp_path / "out")

    async def main() -> None:
        session = DevSession(config, SubinterpreterBuilder())
        await session.start()
        try:
            assert (await session.build()).ok
            good = section.read_text()
            catalog.write("widgets/stories.py", AS_SUBJECT)
            result = await session.build({str(section)})
            [error] = result.errors
            assert error.kind is ErrorKind.STRUCTURE
            assert error.file == str(catalog.dir / "widgets/button/stories.py")
            assert "sits inside subject 'Widgets'" in error.message
            catalog.write("widgets/stories.py", AS_CATALOG)
            result = await session.build({str(section)})
            [error] = result.errors
            assert error.file == str(section)
            assert "a Catalog belongs only in the package's root stories.py" in error.message
            section.write_text(good)
            result = await session.build({str(section)})
            assert result.ok and result.mode == "partial"
        finally:
            await session.close()

    asyncio.run(main())
    assert "Small parts" in (tmp_path / "out/widgets/index.html").read_text()
