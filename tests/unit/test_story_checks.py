"""storyville.lsp.story_checks and .signatures: static story checks, from the source alone."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest
from storyville.lsp.signatures import Signature, Signatures
from storyville.lsp.stories_source import ParsedFile, SourceCache
from storyville.lsp.story_checks import Finding, check

REPO = Path(__file__).resolve().parents[2]

BUTTON = "def Button(label: str, busy: bool = False, *, tone: str = 'info'):\n    return label\n"


def findings(tmp_path: Path, stories: str, component: str = BUTTON) -> list[Finding]:
    package = tmp_path / "shop"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text("")
    (package / "button.py").write_text(textwrap.dedent(component))
    path = package / "stories.py"
    path.write_text(textwrap.dedent(stories))
    cache = SourceCache()
    info = cache.info(str(path))
    assert info is not None
    return check(info, lambda expr: Signatures(cache).of(info.parsed, expr))


def stories(*items: str, header: str = "from .button import Button\n") -> str:
    body = "".join(f"            {item},\n" for item in items)
    return (
        f"from storyville import Story, Subject\n{header}\n\ndef this_subject() -> Subject:\n"
        f"    return Subject(\n        title='Button',\n        target=Button,\n"
        f"        items=[\n{body}        ],\n    )\n"
    )


def said(found: list[Finding]) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in found]


def test_a_misspelt_key_is_an_error_with_a_fix(tmp_path: Path) -> None:
    text = stories('Story(props={"lable": "Buy"})')
    (finding,) = findings(tmp_path, text)  # not also "needs `label`": that is what it means
    assert finding.code == "unknown-prop"
    assert finding.severity == "error"
    assert finding.message == "`lable` is not a parameter of Button; did you mean `label`?"
    line = text.splitlines()[finding.span.line]
    assert line[finding.span.col : finding.span.end_col] == '"lable"'
    assert finding.fix is not None
    assert (finding.fix.span, finding.fix.text) == (finding.span, '"label"')
    assert finding.fix.title == "Change to `label`"


def test_a_misspelt_key_hides_only_the_missing_parameter_it_means(tmp_path: Path) -> None:
    found = findings(tmp_path, stories('Story(props={"bussy": True})'))
    assert [f.code for f in found] == ["missing-prop", "unknown-prop"]  # the dict, then its key
    assert "`label`" in found[0].message


def test_a_misspelt_keyword_of_dict_is_replaced_alone(tmp_path: Path) -> None:
    text = stories("Story(props=dict(label='Buy', tome='x'))")
    (finding,) = findings(tmp_path, text)
    line = text.splitlines()[finding.span.line]
    assert line[finding.span.col : finding.span.end_col] == "tome"
    assert finding.fix is not None and finding.fix.text == "tone"


def test_with_nothing_close_the_parameters_are_listed(tmp_path: Path) -> None:
    assert said(findings(tmp_path, stories('Story(props={"label": "x", "zzz": 1})'))) == [
        ("unknown-prop", "`zzz` is not a parameter of Button (it takes `label`, `busy`, `tone`)")
    ]


def test_a_fix_never_suggests_a_key_already_given(tmp_path: Path) -> None:
    (finding,) = findings(tmp_path, stories('Story(props={"label": "x", "lable": "y"})'))
    assert finding.fix is None
    assert "did you mean" not in finding.message


def test_a_missing_required_parameter(tmp_path: Path) -> None:
    text = stories('Story(props={"busy": True})', "Story(title='Bare')")
    first, second = findings(tmp_path, text)
    assert said([first]) == [
        ("missing-prop", "Button needs `label`: no default, and the props do not give it")
    ]
    lines = text.splitlines()
    assert lines[first.span.line][first.span.col : first.span.end_col] == '{"busy": True}'
    # A story without props calls Button() as the build does: on its `Story`.
    assert second.code == "missing-prop"
    assert lines[second.span.line][second.span.col : second.span.end_col] == "Story"


@pytest.mark.parametrize(
    "story",
    [
        'Story(props={"label": "x", **more})',  # a spread may hold anything
        "Story(props={key: 'x'})",  # a computed key
        "Story(props=base)",
        "Story(props=dict(base, busy=True))",
        "Story(template=lambda: 'hi')",  # the template renders, not Button
        "Story(**options)",
        "Story(props=None)",
    ],
)
def test_what_the_source_does_not_settle_says_nothing(tmp_path: Path, story: str) -> None:
    assert findings(tmp_path, stories(story)) == []


def test_a_spread_still_passes_a_misspelt_literal_key(tmp_path: Path) -> None:
    found = findings(tmp_path, stories('Story(props={"lable": "x", **more})'))
    assert said(found) == [
        ("unknown-prop", "`lable` is not a parameter of Button; did you mean `label`?")
    ]


@pytest.mark.parametrize(
    "component",
    [
        "def Button(label='', **attrs): ...\n",  # takes any keyword
        "import functools\n\n@functools.cache\ndef Button(label): ...\n",  # a decorator
        "def Button(label): ...\n\nButton = wrap(Button)\n",  # rebound
        "def Button(label): ...\n\nif X:\n    def Button(**kw): ...\n",
        "from .impl import *\n\ndef Button(label): ...\n",
        "from .impl import *\n",  # the only thing that may bind it
        "try:\n    from .impl import Button\nexcept ImportError as Button: ...\n",
        "class Button(Base):\n    def __init__(self, label): ...\n",  # a base's metaclass
        "class Button:\n    label: str\n",  # not a dataclass: no known __init__
        "from pydantic.dataclasses import dataclass\n\n@dataclass\nclass Button:\n    label: str\n",
        "from dataclasses import dataclass\n\n@dataclass\nclass Button(Base):\n    label: str\n",
        "from dataclasses import dataclass\n\n@dataclass(init=False)\nclass Button:\n"
        "    label: str\n",
        "Button = make_button()\n",
        "from dataclasses import dataclass\n\n@dataclass\nclass Button:\n"
        "    label: str = ''\n    if FLAG:\n        lable: int = 0\n",  # a field in an `if`
    ],
)
def test_components_whose_signature_is_not_certain_say_nothing(
    tmp_path: Path, component: str
) -> None:
    text = stories('Story(props={"lable": 1})', "Story()")
    assert findings(tmp_path, text, component) == []


def test_a_rebinding_in_the_stories_file_hides_the_import(tmp_path: Path) -> None:
    text = stories('Story(props={"lable": 1})', header="from .button import Button\n")
    text = text.replace("def this_subject", "Button = themed(Button)\n\n\ndef this_subject")
    assert findings(tmp_path, text) == []


def test_dataclass_fields(tmp_path: Path) -> None:
    component = """\
        from dataclasses import KW_ONLY, InitVar, dataclass, field
        from typing import ClassVar


        @dataclass
        class Button:
            label: str
            _: KW_ONLY
            tags: list[str] = field(default_factory=list)
            tone: str = field(default="info", kw_only=True)
            size: int = field()
            seed: InitVar[int] = 0
            hidden: int = field(init=False, default=0)
            KIND: ClassVar[str] = "b"
        """
    cache = SourceCache()
    (tmp_path / "button.py").write_text(textwrap.dedent(component))
    (tmp_path / "stories.py").write_text("from button import Button\n")
    stories = cache.good(str(tmp_path / "stories.py"))
    assert stories is not None
    sig = Signatures(cache).of(stories, _name("Button"), (str(tmp_path),))
    assert sig is not None
    assert sig.keywords == ("label", "tags", "tone", "size", "seed")
    assert sig.required == ("label", "size")
    assert not sig.open


def test_function_parameters(tmp_path: Path) -> None:
    (tmp_path / "button.py").write_text(
        "def Button(first, /, label, *rest, busy=False, tone, **more): ...\n"
        "class Card:\n    def __init__(self, /, title, size=1): ...\n"
    )
    cache = SourceCache()
    parsed = cache.good(str(tmp_path / "button.py"))
    assert parsed is not None
    button = Signatures(cache).of(parsed, _name("Button"))
    assert button is not None
    assert (button.keywords, button.required) == (("label", "busy", "tone"), ("label", "tone"))
    assert button.positional_only == {"first"}
    assert button.open and not button.callable_by_keywords
    card = Signatures(cache).of(parsed, _name("Card"))
    assert card is not None
    assert (card.keywords, card.required, card.callable_by_keywords) == (
        ("title", "size"),
        ("title",),
        True,
    )


def test_a_positional_only_name_as_a_key(tmp_path: Path) -> None:
    component = "def Button(label, /, busy=False): ...\n"
    found = findings(tmp_path, stories('Story(props={"label": "x"})'), component)
    # Button() fails whatever props say, so only the key itself is reported.
    assert said(found) == [
        (
            "unknown-prop",
            "`label` is a positional-only parameter of Button: props go by keyword",
        )
    ]


def test_a_storys_own_target_and_a_second_subject(tmp_path: Path) -> None:
    text = stories("Story(target=Other, props={'zzz': 1})")
    assert findings(tmp_path, text) == []  # Other is not defined: not resolved
    text = text.replace("def this_subject", "def Other(zzz): ...\n\n\ndef this_subject")
    assert findings(tmp_path, text) == []
    twice = stories('Story(props={"lable": 1})').replace(
        "return Subject(", "if X:\n        return Subject()\n    return Subject("
    )
    assert findings(tmp_path, twice) == []  # which Subject holds which story is unsure


def test_only_a_subjects_stories_are_checked(tmp_path: Path) -> None:
    section = (
        "from storyville import Section, Story\nfrom .button import Button\n\n\n"
        "def this_section() -> Section:\n    unused = Story(target=Button, props={'lable': 1})\n"
        "    return Section(title='Forms')\n"
    )
    assert findings(tmp_path, section) == []


def test_duplicate_titles_warn_on_the_later_one(tmp_path: Path) -> None:
    text = stories(
        "Story(title='Busy', props={'label': 'a'})",
        "Story(title='', props={'label': 'b'})",
        "Story(title='', props={'label': 'c'})",  # untitled twice: "Story 2", "Story 3"
        "Story(props={'label': 'd'}, title='Busy')",
    )
    (finding,) = findings(tmp_path, text)
    assert finding.code == "duplicate-title"
    assert finding.severity == "warning"
    assert finding.message == (
        'Another story of this subject is titled "Busy" (line 10): '
        "the catalog shows both under that name"
    )
    lines = text.splitlines()
    assert lines[finding.span.line].strip() == "Story(props={'label': 'd'}, title='Busy'),"
    assert lines[finding.span.line][finding.span.col : finding.span.end_col] == "'Busy'"
    assert lines[9].strip().startswith("Story(title='Busy'")


def test_titles_outside_the_items_list_are_not_compared(tmp_path: Path) -> None:
    text = stories(
        "*([Story(title='A', props={'label': 'a'})] if X else [])",
        "Story(title='A', props={'label': 'b'})",
    )
    assert findings(tmp_path, text) == []


def test_every_catalog_in_the_repository_is_clean() -> None:
    """Zero false positives: examples/ and the test fixtures all build."""
    cache = SourceCache()
    signatures = Signatures(cache)
    files = [
        p for base in ("examples", "tests/fixtures") for p in (REPO / base).rglob("stories.py")
    ]
    assert len(files) > 100
    checked = resolved = 0
    for path in sorted(files):
        info = cache.info(str(path))
        if info is None:
            continue
        checked += 1

        def signature_of(expr: ast.expr, parsed: ParsedFile = info.parsed) -> Signature | None:
            nonlocal resolved
            found = signatures.of(parsed, expr, (str(REPO),))
            resolved += found is not None
            return found

        assert check(info, signature_of) == [], path
    assert checked > 100
    assert resolved > 300  # the checks did look at the components


def _name(name: str) -> ast.Name:
    return ast.Name(id=name)
