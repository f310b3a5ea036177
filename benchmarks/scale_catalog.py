"""A catalog of any size, generated from a small description, for benchmarks/scale.py.

The shape is the issue's: 10 sections, 3 stories a subject, as many subjects as the story
count needs. Each subject is a directory with a component module and a `stories.py`, as in
`examples/huge`; the components are drawn in turn from `KINDS` — plain tdom t-string
functions and dataclasses with props — and stories carry `storyville.assertions` queries and
plain function assertions. Literals are written with `storyville.seed`'s `py`, directories
filled as evenly as its `spread` fills them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from storyville.seed import py, spread


@dataclass(frozen=True, slots=True)
class Kind:
    module: str
    name: str  # the component's name: a function or a dataclass
    source: str  # the component module
    check: str  # a plain assertion function, defined in stories.py
    check_source: str
    query: str  # a storyville.assertions query, `{}` filled from the story's props
    stories: tuple[tuple[str, dict[str, object]], ...]  # title, props


KINDS = (
    Kind(
        "button",
        "Button",
        '''"""A button: its label is what assistive technology announces."""

from tdom import html


def Button(label: str = "OK", kind: str = "primary", disabled: bool = False):
    return html(t'<button type="button" class="{kind}" disabled={disabled}>{label}</button>')
''',
        "has_a_label",
        '''def has_a_label(markup: object) -> None:
    """A button without text cannot be found by anyone."""
    assert "></button>" not in str(markup), "the button has no label"
''',
        'GetByRole("button", name={label})',
        (
            ("Primary", {"label": "Save changes"}),
            ("Secondary", {"label": "Later", "kind": "secondary"}),
            ("Disabled", {"label": "Sold out", "disabled": True}),
        ),
    ),
    Kind(
        "card",
        "Card",
        '''"""A card: a titled box of content, its title a heading."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Card:
    """A titled box."""

    title: str = "Title"
    body: str = "Some text."
    tone: str = "plain"

    def __call__(self):
        return html(t"""
            <article class="card card-{self.tone}">
              <h3>{self.title}</h3>
              <p>{self.body}</p>
            </article>
        """)
''',
        "has_a_body",
        '''def has_a_body(markup: object) -> None:
    """An empty card is a layout bug, not a design."""
    assert "<p></p>" not in str(markup), "the card has no body"
''',
        'GetByRole("heading", name={title})',
        (
            ("Plain", {"title": "Welcome", "body": "Start here."}),
            ("Muted", {"title": "Order", "body": "Two items.", "tone": "muted"}),
            ("Long title", {"title": "Terms and conditions of sale", "body": "Read them."}),
        ),
    ),
    Kind(
        "badge",
        "Badge",
        '''"""A badge: a short status word beside something else."""

from tdom import html


def Badge(text: str = "New", tone: str = "info"):
    return html(t'<span class="badge badge-{tone}">{text}</span>')
''',
        "is_short",
        '''def is_short(markup: object) -> None:
    """A badge is read at a glance: a few words at most."""
    text = str(markup).split(">", 1)[1].rsplit("<", 1)[0]
    assert len(text.split()) <= 3, f"{text!r} is too long for a badge"
''',
        "GetByText({text})",
        (
            ("Info", {"text": "New"}),
            ("Warning", {"text": "Low stock", "tone": "warning"}),
            ("Success", {"text": "Paid", "tone": "success"}),
        ),
    ),
    Kind(
        "text_field",
        "TextField",
        '''"""A text field: an input with the label that names it."""

from dataclasses import dataclass

from tdom import html


@dataclass
class TextField:
    """A labelled input."""

    label: str = "Name"
    name: str = "name"
    value: str = ""
    required: bool = False

    def __call__(self):
        return html(t"""
            <div class="field">
              <label for="{self.name}">{self.label}</label>
              <input id="{self.name}" name="{self.name}" value="{self.value}"
                required={self.required}>
            </div>
        """)
''',
        "has_an_input",
        '''def has_an_input(markup: object) -> None:
    """A field is something to type into."""
    assert "<input" in str(markup), "the field has no input"
''',
        "GetByLabelText({label})",
        (
            ("Empty", {"label": "Email", "name": "email"}),
            ("Filled", {"label": "City", "name": "city", "value": "Lyon"}),
            ("Required", {"label": "Password", "name": "password", "required": True}),
        ),
    ),
    Kind(
        "alert",
        "Alert",
        '''"""An alert: a message that screen readers announce as soon as it appears."""

from tdom import html


def Alert(message: str = "Saved.", tone: str = "info"):
    return html(t'<div role="alert" class="alert alert-{tone}">{message}</div>')
''',
        "says_something",
        '''def says_something(markup: object) -> None:
    """An alert with no message interrupts for nothing."""
    assert 'alert"></div>' not in str(markup), "the alert is empty"
''',
        'GetByRole("alert").text_content({message})',
        (
            ("Info", {"message": "Saved."}),
            ("Danger", {"message": "Not saved.", "tone": "danger"}),
            ("Success", {"message": "Payment received.", "tone": "success"}),
        ),
    ),
)
SECTIONS = 10
STORIES_PER_SUBJECT = 3


@dataclass(frozen=True, slots=True)
class Shape:
    stories: int
    sections: int = SECTIONS
    per_subject: int = STORIES_PER_SUBJECT

    @property
    def subjects(self) -> int:
        return math.ceil(self.stories / self.per_subject)


def _story(kind: Kind, title: str, props: dict[str, object], index: int) -> str:
    """The first story of a subject has a query and a plain check, the second the check."""
    lines = [f"title={py(title)}", f"props={py(props)}"]
    if index == 0:
        query = kind.query.format(**{k: py(v) for k, v in props.items()})
        lines.append(f"assertions=[{query}, {kind.check}]")
    elif index == 1:
        lines.append(f"assertions=[{kind.check}]")
    inner = "".join(f"                {line},\n" for line in lines)
    return f"            Story(\n{inner}            ),\n"


def _stories_module(kind: Kind, module: str, title: str, count: int) -> str:
    stories = "".join(
        _story(kind, f"{story} {title}", props, index)
        for index, (story, props) in enumerate(kind.stories[:count])
    )
    query = kind.query.split("(", 1)[0]
    return f'''"""Stories for {title}."""

from storyville import Story, Subject
from storyville.assertions import {query}

from {module} import {kind.name}


{kind.check_source}

def this_subject() -> Subject:
    return Subject(
        title={py(title)},
        description={py(f"{kind.name} number {title.rsplit(' ', 1)[-1]}")},
        target={kind.name},
        items=[
{stories}        ],
    )
'''


def write_catalog(workspace: Path, package: str, shape: Shape) -> int:
    """Write `package` into `workspace`; returns how many stories it has."""
    root = workspace / package
    files = {
        "__init__.py": f'"""A generated catalog of {shape.stories} stories."""\n',
        "stories.py": (
            "from storyville import Catalog\n\n\n"
            f"def this_catalog() -> Catalog:\n    return Catalog(title={py(package)})\n"
        ),
    }
    left, used = shape.stories, 0
    for section, count in enumerate(spread(shape.sections, shape.subjects), start=1):
        folder = f"section_{section:02}"
        files[f"{folder}/__init__.py"] = ""
        files[f"{folder}/stories.py"] = (
            "from storyville import Section\n\n\n"
            "def this_section() -> Section:\n"
            f"    return Section(title={py(f'Section {section}')})\n"
        )
        for _ in range(count):
            kind = KINDS[used % len(KINDS)]
            name = f"{kind.module}_{used:05}"
            title = f"{kind.name} {used}"
            module = f"{package}.{folder}.{name}.{kind.module}"
            stories = min(left, shape.per_subject)
            files[f"{folder}/{name}/__init__.py"] = ""
            files[f"{folder}/{name}/{kind.module}.py"] = kind.source
            files[f"{folder}/{name}/stories.py"] = _stories_module(kind, module, title, stories)
            left -= stories
            used += 1
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return shape.stories - left
