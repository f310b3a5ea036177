"""A cold build split over several interpreters writes the site one interpreter writes.

Issue 13 item 3: `storyville build` and the dev loop's full builds split the stories modules
over as many subinterpreters as there are cores. Every file of the site must be the same,
byte for byte, as the one-interpreter build's.
"""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest
from storyville.collect import shards
from storyville.devloop.builders import SubinterpreterBuilder
from storyville.devloop.session import DevSession, SessionConfig
from storyville.results import BuildResult
from storyville.site.pipeline import build

from tests.helpers import REPO, CatalogDir


def files_of(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def manifest_names(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())


def assert_same_sites(one: Path, many: Path) -> None:
    assert manifest_names(one) == manifest_names(many)
    a, b = files_of(one), files_of(many)
    different = [name for name in a if a[name] != b[name]]
    assert not different, f"{len(different)} file(s) differ, e.g. {different[:5]}"


def edge_catalog(root: Path):
    """A themed catalog that prints, with a failing assertion, a stories.py without a
    factory, and a component shared by two sections."""
    files = {
        "stories.py": """
            from storyville import Catalog
            from markupsafe import Markup

            print("root imported")

            def layout(story_title=None, children=None):
                return Markup(f"<main class='themed'><h1>{story_title}</h1>{children}</main>")

            def this_catalog() -> Catalog:
                return Catalog(title="Edge cases", themed_layout=layout)
        """,
        "shared.py": """
            from tdom import html

            print("shared imported")

            def Tag(text: str = "t"):
                return html(t"<span class='tag'>{text}</span>")
        """,
        "notes/stories.py": "# no factory: skipped, as Storyville 0.1 did\nX = 1\n",
    }
    for s in range(4):
        files[f"s{s}/stories.py"] = f"""
            from storyville import Section

            def this_section() -> Section:
                return Section(title="Section {s}", description="The {s}th")
        """
        for j in range(4):
            failing = "[lambda html: None, fails]" if (s, j) == (3, 2) else "[lambda html: None]"
            files[f"s{s}/c{j}/stories.py"] = f"""
                from storyville import Story, Subject
                from {{package}}.shared import Tag

                def fails(html):
                    assert "nope" in str(html), "the tag says nope"

                def this_subject() -> Subject:
                    print("rendering s{s}.c{j}")
                    return Subject(
                        title="Tag {s}.{j}",
                        target=Tag,
                        items=[
                            Story(title="One", props={{"text": "a{s}{j}"}}, assertions={failing}),
                            Story(title="Two", props={{"text": "b{s}{j}"}}),
                        ],
                    )
            """
    catalog = CatalogDir(root, f"edge_{uuid.uuid4().hex[:8]}")
    catalog.write_tree({k: v.replace("{package}", catalog.package) for k, v in files.items()})
    return catalog


def build_both(package: str, search: Path, out: Path):
    one = build(package, out / "one", search_path=(str(search),), interpreters=1)
    many = build(package, out / "many", search_path=(str(search),), interpreters=2)
    assert one.ok and many.ok, [e.headline() for e in (*one.errors, *many.errors)]
    assert "warm" not in one.timings and "warm" in many.timings  # built in subinterpreters
    return one, many


def test_a_split_build_of_the_edge_cases_writes_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shards, "MIN_PER_SHARD", 2)
    catalog = edge_catalog(tmp_path)
    one, many = build_both(catalog.package, catalog.root, tmp_path)
    assert_same_sites(tmp_path / "one", tmp_path / "many")
    assert (one.stories, one.assertions_failed, one.skipped) == (32, 1, ("notes/stories.py",))
    assert (many.stories, many.assertions_failed, many.skipped) == (32, 1, ("notes/stories.py",))
    assert many.output.count("root imported") == 1  # the root is loaded by every shard
    assert sorted(many.output.splitlines()) == sorted(
        [*one.output.splitlines(), "shared imported"]  # each shard imports the component
    )


@pytest.mark.parametrize(
    ("package", "min_per_shard"),
    [
        ("examples.huge", 8),  # 111 stories modules: split below the default
        ("examples.complete", 1),  # themed, one failing assertion
        ("tests.fixtures.storyville01_catalog", 1),
    ],
)
def test_a_split_build_of_an_example_writes_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, package: str, min_per_shard: int | None
) -> None:
    if min_per_shard is not None:
        monkeypatch.setattr(shards, "MIN_PER_SHARD", min_per_shard)
    one, many = build_both(package, REPO, tmp_path)
    assert_same_sites(tmp_path / "one", tmp_path / "many")
    assert (one.stories, one.pages_written) == (many.stories, many.pages_written)


def test_a_failed_split_build_reports_what_one_interpreter_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shards, "MIN_PER_SHARD", 2)
    catalog = edge_catalog(tmp_path)
    catalog.write("shared.py", "from tdom import html\n\ndef Tag(text='t'):\n    return nope\n")
    one = build(catalog.package, tmp_path / "one", search_path=(str(catalog.root),), interpreters=1)
    many = build(
        catalog.package, tmp_path / "many", search_path=(str(catalog.root),), interpreters=2
    )
    assert not one.ok and not many.ok
    assert [e.headline() for e in many.errors] == [e.headline() for e in one.errors]
    assert len(many.errors) == 1 and "while rendering Tag 0.0 › One" in many.errors[0].message


def test_the_dev_loops_first_build_is_split_and_writes_the_same_site(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`serve` and `lsp`: the build host's first build splits; a later save builds in one."""
    monkeypatch.setattr(shards, "MIN_PER_SHARD", 8)  # examples/huge is below the default

    async def first_build(parallel: int, out: Path) -> tuple[DevSession, BuildResult]:
        config = SessionConfig(
            "examples.huge", (str(REPO),), (str(REPO),), out, bytecode_cache=tmp_path / "pyc"
        )
        session = DevSession(config, SubinterpreterBuilder(parallel=parallel))
        await session.start()
        return session, await session.build()

    async def main() -> None:
        one, one_result = await first_build(1, tmp_path / "one")
        await one.close()
        many, many_result = await first_build(2, tmp_path / "many")
        try:
            assert one_result.ok and many_result.ok
            assert_same_sites(tmp_path / "one", tmp_path / "many")
            assert many.graph == one.graph  # what later saves plan from
            # a save rebuilds only what imports the file, in one interpreter
            button = REPO / "examples/huge/commerce/cart_item/stories.py"
            result = await many.build({str(button)})
            assert result.ok and result.mode == "partial"
        finally:
            await many.close()

    caplog.set_level("INFO", logger="storyville.pool")
    asyncio.run(main())
    assert caplog.text.count("split build end: 2 interpreters") == 1
