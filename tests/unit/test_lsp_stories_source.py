"""storyville.lsp.stories_source: stories.py read from source alone, for the editor features."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from pygls.uris import from_fs_path
from pygls.workspace import Workspace
from storyville.lsp.source_index import SourceIndex
from storyville.lsp.stories_source import (
    SourceCache,
    context_at,
    resolve_component,
    story_target,
    word_at,
)
from storyville.lsp.symbols import matches, workspace_symbols

CARET = "‸"


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")


BUTTON_STORIES = """\
    from storyville import Story, Subject

    from .button import Button


    def this_subject() -> Subject:
        return Subject(
            title="Button",
            target=Button,
            items=[
                Story(title="Primary", props={"label": "Buy"}),
                Story(props=dict(label="Go")),
                Story(),
            ],
        )
    """

COMPONENTS = {
    "function": (
        "def Button(label: str, busy: bool = False, *, tone='info'): ...\n",
        [("label", "label: str"), ("busy", "busy: bool = False"), ("tone", "tone = 'info'")],
    ),
    "dataclass": (
        "from dataclasses import dataclass, field\n\n\n@dataclass\nclass Button:\n"
        "    label: str\n    tags: list[str] = field(default_factory=list)\n"
        "    hidden: int = field(init=False, default=0)\n    KIND: ClassVar[str] = 'b'\n",
        [("label", "label: str"), ("tags", "tags: list[str] = list()")],
    ),
    "class with __init__": (
        "class Button:\n    def __init__(self, label: str = 'Buy'):\n        self.label = label\n",
        [("label", "label: str = 'Buy'")],
    ),
    "re-exported": (
        "from .impl import Button\n",
        [("label", "label: str")],
    ),
}


@pytest.mark.parametrize("kind", COMPONENTS)
def test_the_target_component_is_read_from_its_source(tmp_path: Path, kind: str) -> None:
    source, expected = COMPONENTS[kind]
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/button/__init__.py": "",
            "shop/button/stories.py": BUTTON_STORIES,
            "shop/button/button.py": source,
            "shop/button/impl.py": "def Button(label: str): ...\n",
        },
    )
    cache = SourceCache()
    path = str(tmp_path / "shop/button/stories.py")
    info = cache.info(path)
    assert info is not None
    component = resolve_component(cache, path, info.target)
    assert component is not None
    assert [(p.name, p.detail) for p in component.params] == expected


def test_outline_titles_untitled_stories_and_ranges(tmp_path: Path) -> None:
    write(tmp_path, {"shop/button/stories.py": BUTTON_STORIES})
    info = SourceCache().info(str(tmp_path / "shop/button/stories.py"))
    assert info is not None
    assert (info.kind, info.display_title()) == ("Subject", "Button")
    assert [s.title for s in info.stories] == ["Primary", "Story 2", "Story 3"]
    assert (info.span.line, info.span.col) == (6, 11)  # the `Subject(` call
    assert (info.stories[0].span.line, info.stories[0].span.col) == (10, 12)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def this_section():\n    return Section()\n", ("Section", "Forms")),
        ("def this_catalog():\n    return Catalog(title='Shop')\n", ("Catalog", "Shop")),
        ("def group() -> 'Section':\n    return Section('Inputs')\n", ("Section", "Inputs")),
        ("def helper() -> int:\n    return 1\n", None),
    ],
)
def test_factories_by_name_or_annotation(
    tmp_path: Path, source: str, expected: tuple[str, str] | None
) -> None:
    write(tmp_path, {"forms/stories.py": source})
    info = SourceCache().info(str(tmp_path / "forms/stories.py"))
    assert (info and (info.kind, info.display_title())) == (expected or None)


@pytest.mark.parametrize(
    ("target_source", "imports"),
    [
        ("", "from .missing import Button"),
        ("", "import button"),
        ("Button = make_button()\n", ""),
        ("", "from shop.elsewhere import Button"),
    ],
)
def test_unresolvable_targets_give_nothing(
    tmp_path: Path, target_source: str, imports: str
) -> None:
    stories = (
        f"{imports}\n{target_source}\ndef this_subject():\n    return Subject(target=Button)\n"
    )
    write(tmp_path, {"shop/__init__.py": "", "shop/stories.py": stories})
    cache = SourceCache()
    path = str(tmp_path / "shop/stories.py")
    info = cache.info(path)
    assert info is not None
    assert resolve_component(cache, path, info.target) is None


def test_absolute_imports_resolve_from_the_package_root(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/button/__init__.py": "",
            "shop/button/button.py": "def Button(label: str): ...\n",
            "shop/button/stories.py": BUTTON_STORIES.replace(
                "from .button", "from shop.button.button"
            ),
        },
    )
    cache = SourceCache()
    path = str(tmp_path / "shop/button/stories.py")
    info = cache.info(path)
    assert info is not None
    component = resolve_component(cache, path, info.target)
    assert component is not None and component.param("label") is not None


def test_a_component_in_the_same_file_and_a_storys_own_target(tmp_path: Path) -> None:
    stories = (
        "def Badge(tone: str = 'info'): ...\n\n\ndef Card(title: str): ...\n\n\n"
        "def this_subject():\n    return Subject(target=Badge, items=[Story(target=Card)])\n"
    )
    write(tmp_path, {"stories.py": stories})
    cache = SourceCache()
    path = str(tmp_path / "stories.py")
    info = cache.info(path)
    assert info is not None
    subject = resolve_component(cache, path, info.target)
    assert subject is not None and [p.name for p in subject.params] == ["tone"]
    offset = stories.index("Story(")
    own = resolve_component(cache, path, story_target(info, offset))
    assert own is not None and [p.name for p in own.params] == ["title"]


def test_the_cache_keeps_the_last_tree_that_parsed(tmp_path: Path) -> None:
    path = tmp_path / "stories.py"
    path.write_text("def this_subject():\n    return Subject(title='A')\n", encoding="utf-8")
    cache = SourceCache()
    first = cache.parse(str(path))
    assert first is not None and cache.parse(str(path)) is first
    broken = "def this_subject():\n    return Subject(title='A', items=[Story(props={\"\n"
    assert cache.parse(str(path), broken) is not None
    assert cache.good(str(path), broken) is first
    fresh = SourceCache()  # opened while broken: the file on disk gives the structure
    assert fresh.good(str(path), broken) is not None
    info = cache.info(str(path), broken)
    assert info is not None and info.title == "A"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ('Story(props={"la‸', ("props_key", "la", '"')),
        ("Story(props={'‸", ("props_key", "", "'")),
        ('Story(props={"a": 1, ‸', ("props_key", "", None)),
        ('Story(props={"a": ‸', None),
        ('Story(props={"a": "x‸', None),
        ("Story(props=dict(la‸", ("props_kwarg", "la", None)),
        ("Story(props=dict(label=1, ‸", ("props_kwarg", "", None)),
        ("Story(props=dict(label=‸", None),
        ('Story(title="x", ti‸', ("story_kwarg", "ti", None)),
        ("Story(\n    # props={\n    ‸", ("story_kwarg", "", None)),
        ('Story(title="a, b", ‸', ("story_kwarg", "", None)),
        ('other(props={"‸', ("props_key", "", '"')),
        ("Subject(‸", None),
        ('x = {"‸', None),
    ],
)
def test_where_the_cursor_is(typed: str, expected: tuple[str, str, str | None] | None) -> None:
    offset = typed.index(CARET)
    context = context_at(typed.replace(CARET, ""), offset)
    assert (context and (context.where, context.prefix, context.quote)) == (expected or None)


def test_the_story_a_props_key_belongs_to() -> None:
    text = 'items=[Story(title="a"), Story(props={"'
    context = context_at(text, len(text))
    assert context is not None and context.story == text.rindex("Story")


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ('Story(props={"label": "x", \'busy\': True, ‸', {"label", "busy"}),
        ("Story(props=dict(label='x', busy=a == b, ‸", {"label", "busy"}),
        ('Story(title="x", props={}, ‸', {"title", "props"}),
    ],
)
def test_names_already_written_are_known(typed: str, written: set[str]) -> None:
    context = context_at(typed.replace(CARET, ""), typed.index(CARET))
    assert context is not None and context.written == written


def test_word_at() -> None:
    assert word_at('props={"label": 1}', 10) == (8, "label")


def test_workspace_symbols_name_stories_by_their_path(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/stories.py": "def this_catalog():\n    return Catalog(title='Shop')\n",
            "shop/sign_up/__init__.py": "",
            "shop/sign_up/stories.py": "def this_section():\n    return Section()\n",
            "shop/sign_up/button/__init__.py": "",
            "shop/sign_up/button/stories.py": BUTTON_STORIES,
        },
    )
    workspace = Workspace(from_fs_path(str(tmp_path)))
    index = SourceIndex(lambda: workspace, lambda: [tmp_path], lambda: tmp_path / "shop")
    names = [s.name for s in workspace_symbols(index, "")]
    assert names == [
        "Sign up",
        "Sign up › Button",
        "Sign up › Button › Primary",
        "Sign up › Button › Story 2",
        "Sign up › Button › Story 3",
    ]
    assert [s.name for s in workspace_symbols(index, "SIGN BTN st2")] == [
        "Sign up › Button › Story 2"
    ]
    assert not matches("primaryx", "Sign up › Button › Primary")
