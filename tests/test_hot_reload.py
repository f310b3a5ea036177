"""The cases `importlib.reload` gets wrong (issue 3): real files edited on disk, a real
`storyville serve`, a real WebSocket client, the served HTML checked after each rebuild."""

from __future__ import annotations

import os
import py_compile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT_STORIES, SECTION, CatalogDir, lab, new_catalog, subject
from tests.serving import ReloadClient, ServeProcess, canvas


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[tuple[Path, list[ServeProcess]]]:
    servers: list[ServeProcess] = []
    yield tmp_path, servers
    for server in servers:
        server.stop()


def serve(ctx: tuple[Path, list[ServeProcess]], catalog: CatalogDir, *args: str) -> ServeProcess:
    server = ServeProcess(ctx[0], catalog.package, args)
    ctx[1].append(server)
    return server.start()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new))


async def test_1_component_imported_by_name_shows_its_new_markup(workspace) -> None:
    button = "from tdom import html\n\ndef Button():\n    return html(t'<button class=\"v1\">Go</button>')\n"
    catalog = lab(workspace[0], {"button": (button, "Button")})
    server = serve(workspace, catalog)
    assert 'class="v1"' in canvas(server, "parts/button/0.html")
    async with ReloadClient(server.url) as client:
        edit(catalog.dir / "parts/button/comp.py", 'class="v1"', 'class="v2"')
        message = await client.reload()
    assert "parts/button/0.html" in message["pages"]
    assert 'class="v2"' in canvas(server, "parts/button/0.html")


async def test_2_deleted_helper_is_gone_for_every_importer(workspace) -> None:
    catalog = new_catalog(
        workspace[0],
        {
            "stories.py": ROOT_STORIES,
            "parts/stories.py": SECTION,
            "parts/helpers.py": "def helper():\n    return 'helped'\n\ndef other():\n    return 'o'\n",
            "parts/a/comp.py": """
            from tdom import html
            from ..helpers import helper
            def A():
                return html(t'<p>{helper()}</p>')
        """,
            "parts/c/comp.py": """
            from tdom import html
            from ..helpers import helper, other
            def C():
                return html(t'<p>{other()}</p>')
        """,
        },
    )
    catalog.write("parts/a/stories.py", subject(f"{catalog.package}.parts.a.comp", "A"))
    catalog.write("parts/c/stories.py", subject(f"{catalog.package}.parts.c.comp", "C"))
    server = serve(workspace, catalog)
    assert "helped" in canvas(server, "parts/a/0.html")
    mark = server.mark()
    (catalog.dir / "parts/a/comp.py").write_text(
        "from tdom import html\n\ndef A():\n    return html(t'<p>alone</p>')\n"
    )
    (catalog.dir / "parts/helpers.py").write_text("def other():\n    return 'o'\n")
    failure = server.wait_for(
        r"parts/c/comp.py:2:\d+: ImportError: cannot import name 'helper'", after=mark
    )
    assert failure
    assert "helped" in canvas(server, "parts/a/0.html")  # the last good site stays


async def test_3_redefined_class_keeps_isinstance_true(workspace) -> None:
    catalog = new_catalog(
        workspace[0],
        {
            "stories.py": ROOT_STORIES,
            "parts/stories.py": SECTION,
            "parts/models.py": "class Tag:\n    version = 1\n",
            "parts/tagged/comp.py": """
            from tdom import html
            from ..models import Tag
            def Show(tag):
                return html(t'<p>{str(isinstance(tag, Tag))} v{tag.version}</p>')
        """,
        },
    )
    catalog.write(
        "parts/tagged/stories.py",
        """
        from storyville import Story, Subject
        from ..models import Tag
        from .comp import Show

        def this_subject() -> Subject:
            return Subject(title="Tagged", target=Show, items=[Story(props={"tag": Tag()})])
    """,
    )
    server = serve(workspace, catalog)
    assert "<p>True v1</p>" in canvas(server, "parts/tagged/0.html")
    async with ReloadClient(server.url) as client:
        edit(catalog.dir / "parts/models.py", "version = 1", "version = 2")
        await client.reload()
    assert "<p>True v2</p>" in canvas(server, "parts/tagged/0.html")


async def test_4_modules_that_import_each_other_both_change(workspace) -> None:
    catalog = new_catalog(
        workspace[0],
        {
            "stories.py": ROOT_STORIES,
            "parts/stories.py": SECTION,
            "parts/pair/ping.py": "from . import pong\nWORD = 'ping1'\ndef both():\n    return WORD + pong.WORD\n",
            "parts/pair/pong.py": "from . import ping\nWORD = 'pong1'\n",
            "parts/pair/comp.py": """
            from tdom import html
            from .ping import both
            def Pair():
                return html(t'<p>{both()}</p>')
        """,
        },
    )
    catalog.write("parts/pair/stories.py", subject(f"{catalog.package}.parts.pair.comp", "Pair"))
    server = serve(workspace, catalog)
    assert "ping1pong1" in canvas(server, "parts/pair/0.html")
    async with ReloadClient(server.url) as client:
        edit(catalog.dir / "parts/pair/ping.py", "ping1", "ping2")
        edit(catalog.dir / "parts/pair/pong.py", "pong1", "pong2")
        for _ in range(3):  # the two writes may land in one build or two
            await client.reload()
            if "ping2pong2" in canvas(server, "parts/pair/0.html"):
                break
    assert "ping2pong2" in canvas(server, "parts/pair/0.html")


async def test_5_sibling_package_outside_the_catalog(workspace) -> None:
    lib = workspace[0] / "sharedlib"
    lib.mkdir()
    (lib / "__init__.py").write_text("")
    (lib / "badge.py").write_text(
        "from tdom import html\n\ndef Badge():\n    return html(t'<b>lib-v1</b>')\n"
    )
    catalog = new_catalog(workspace[0], {"stories.py": ROOT_STORIES, "parts/stories.py": SECTION})
    catalog.write("parts/badge/stories.py", subject("sharedlib.badge", "Badge"))
    server = serve(workspace, catalog)
    assert "lib-v1" in canvas(server, "parts/badge/0.html")
    async with ReloadClient(server.url) as client:
        edit(lib / "badge.py", "lib-v1", "lib-v2")
        await client.reload()
    assert "lib-v2" in canvas(server, "parts/badge/0.html")


async def test_6_and_8_module_state_is_fresh_and_side_effects_run_once(workspace) -> None:
    log = workspace[0] / "imports.log"
    catalog = new_catalog(
        workspace[0],
        {
            "stories.py": ROOT_STORIES,
            "parts/stories.py": SECTION,
            "parts/registry.py": f"""
            REGISTRY = []
            with open({str(log)!r}, "a") as handle:
                handle.write("imported\\n")
        """,
            "parts/counter/comp.py": """
            from tdom import html
            from ..registry import REGISTRY
            REGISTRY.append("counter")
            def Count(label="a"):
                return html(t'<p>{label}:{len(REGISTRY)}</p>')
        """,
        },
    )
    catalog.write(
        "parts/counter/stories.py", subject(f"{catalog.package}.parts.counter.comp", "Count")
    )
    server = serve(workspace, catalog)
    assert "a:1" in canvas(server, "parts/counter/0.html")
    assert log.read_text().count("imported") == 1
    async with ReloadClient(server.url) as client:
        for label in ("b", "c"):
            edit(
                catalog.dir / "parts/counter/comp.py",
                'label="a"' if label == "b" else 'label="b"',
                f'label="{label}"',
            )
            await client.reload()
            assert f"{label}:1" in canvas(server, "parts/counter/0.html")
    assert log.read_text().count("imported") == 3  # once per build, never twice


async def test_7_a_broken_module_holds_back_a_good_change_until_fixed(workspace) -> None:
    one = "from tdom import html\ndef One():\n    return html(t'<p>one-v1</p>')\n"
    two = "from tdom import html\ndef Two():\n    return html(t'<p>two-v1</p>')\n"
    catalog = lab(workspace[0], {"one": (one, "One"), "two": (two, "Two")})
    server = serve(workspace, catalog)
    mark = server.mark()
    edit(catalog.dir / "parts/one/comp.py", "one-v1", "one-v2")
    edit(catalog.dir / "parts/two/comp.py", "def Two():", "def Two(:")
    server.wait_for(r"parts/two/comp.py:2:\d+: SyntaxError", after=mark)
    assert "one-v1" in canvas(server, "parts/one/0.html")  # nothing half-applied
    assert "two-v1" in canvas(server, "parts/two/0.html")
    async with ReloadClient(server.url) as client:
        edit(catalog.dir / "parts/two/comp.py", "def Two(:", "def Two():")
        edit(catalog.dir / "parts/two/comp.py", "two-v1", "two-v2")
        while "two-v2" not in canvas(server, "parts/two/0.html"):
            await client.reload()
    assert "one-v2" in canvas(server, "parts/one/0.html")


MONEY = """
    import decimal, sqlite3, array
    from tdom import html
    def Money(amount="1.10"):
        db = sqlite3.connect(":memory:")
        (one,) = db.execute("select 1").fetchone()
        total = decimal.Decimal(amount) * one + sum(array.array("i", [0]))
        return html(t'<p>total {total}</p>')
"""


async def test_9_c_extensions_build_on_every_rebuild(workspace) -> None:
    catalog = lab(workspace[0], {"money": (MONEY, "Money")})
    server = serve(workspace, catalog)
    assert "total 1.10" in canvas(server, "parts/money/0.html")
    async with ReloadClient(server.url) as client:
        for old, new in (('"1.10"', '"2.20"'), ('"2.20"', '"3.30"')):
            edit(catalog.dir / "parts/money/comp.py", old, new)
            await client.reload()
            assert f"total {new.strip(chr(34))}" in canvas(server, "parts/money/0.html")


def test_9_an_extension_that_refuses_subinterpreters_is_named(workspace) -> None:
    curses_money = """
        import curses  # _curses does not support subinterpreters
        from tdom import html
        def Money():
            return html(t'<p>curses {curses.COLOR_RED}</p>')
    """
    catalog = lab(workspace[0], {"money": (curses_money, "Money")})
    server = ServeProcess(workspace[0], catalog.package)
    workspace[1].append(server)
    server.start()
    line = server.wait_for(r"parts/money/comp.py:1:\d+: ImportError: .*_curses").string
    assert "--no-use-subinterpreters" in line
    assert server.get("").status_code == 503  # no good build yet: the page says why
    in_process = serve(workspace, catalog, "--no-use-subinterpreters")
    assert "curses 1" in canvas(in_process, "parts/money/0.html")


async def test_10_same_size_saves_within_one_second(workspace) -> None:
    version = "from tdom import html\ndef V():\n    return html(t'<p>v1</p>')\n"
    catalog = lab(workspace[0], {"version": (version, "V")})
    source = catalog.dir / "parts/version/comp.py"
    py_compile.compile(str(source))  # a .pyc that CPython would trust for a same-size edit
    stat = source.stat()
    server = serve(workspace, catalog)
    assert "<p>v1</p>" in canvas(server, "parts/version/0.html")
    async with ReloadClient(server.url) as client:
        source.write_text(source.read_text().replace("v1", "v2"))
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
        assert source.stat().st_size == stat.st_size
        await client.reload()
    assert "<p>v2</p>" in canvas(server, "parts/version/0.html")


async def test_an_editors_temporary_file_does_not_force_a_full_build(workspace) -> None:
    one = "from tdom import html\ndef One():\n    return html(t'<p>one-v1</p>')\n"
    catalog = lab(workspace[0], {"one": (one, "One")})
    server = serve(workspace, catalog)
    component = catalog.dir / "parts/one/comp.py"
    mark = server.mark()
    scratch = component.with_name("sedX1b2c3")  # what `sed -i` and some editors write first
    scratch.write_text(component.read_text().replace("one-v1", "one-v2"))
    scratch.replace(component)
    assert server.wait_for(r"built .*\[(partial|full)\]", after=mark).group(1) == "partial"
    assert "one-v2" in canvas(server, "parts/one/0.html")


async def test_data_files_the_pages_read_rebuild_everything_when_changed_or_deleted(
    workspace,
) -> None:
    reads = (
        "from pathlib import Path\nfrom tdom import html\n"
        "def One():\n    return html(t'<p>{Path(__file__).with_name(\"label.txt\").read_text()}</p>')\n"
    )
    catalog = lab(
        workspace[0],
        {"one": (reads, "One")},
        **{"parts/one/label.txt": "label-v1", "parts/one/notes.md": "notes"},
    )
    server = serve(workspace, catalog)
    assert "label-v1" in canvas(server, "parts/one/0.html")
    mark = server.mark()
    (catalog.dir / "parts/one/label.txt").write_text("label-v2")
    assert server.wait_for(r"built .*\[(partial|full)\]", after=mark).group(1) == "full"
    assert "label-v2" in canvas(server, "parts/one/0.html")
    mark = server.mark()
    (catalog.dir / "parts/one/notes.md").unlink()
    assert server.wait_for(r"built .*\[(partial|full)\]", after=mark).group(1) == "full"
