"""`storyville seed small|medium|large DIR`: a starter catalog to build, test and serve.

The sizes are Storyville 0.1's (sections × subjects × stories per subject), so a tutorial
written for its seed shows the same tree. The catalog is made from the files in
`templates/`: components are copied as they are, stories modules are filled in from the
story data below.
"""

from __future__ import annotations

import json
import keyword
from dataclasses import dataclass
from pathlib import Path
from string import Template

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True, slots=True)
class Size:
    sections: int
    subjects: int  # in the whole catalog, spread over the sections
    stories: int  # per subject


SIZES = {
    "small": Size(sections=1, subjects=2, stories=2),
    "medium": Size(sections=2, subjects=4, stories=2),
    "large": Size(sections=4, subjects=8, stories=3),
}


@dataclass(frozen=True, slots=True)
class Component:
    module: str
    name: str
    check: str  # the component module's own assertion function
    query: str  # a storyville.assertions query, `{}` filled from the story's props
    stories: tuple[tuple[str, dict[str, object]], ...]  # title, props


COMPONENTS = (
    Component(
        "button",
        "Button",
        "has_a_label",
        'GetByRole("button", name={label})',
        (
            ("Primary", {"label": "Buy now"}),
            ("Secondary", {"label": "Later", "kind": "secondary"}),
            ("Disabled", {"label": "Sold out", "disabled": True}),
        ),
    ),
    Component(
        "card",
        "Card",
        "has_a_body",
        'GetByRole("heading", name={title})',
        (
            ("Plain", {"title": "Welcome", "body": "Start here."}),
            ("With footer", {"title": "Order", "body": "Two items.", "footer": "Total: 12 €"}),
            ("Long title", {"title": "Terms and conditions of sale", "body": "Read them."}),
        ),
    ),
    Component(
        "badge",
        "Badge",
        "is_short",
        "GetByText({text})",
        (
            ("Info", {"text": "New"}),
            ("Warning", {"text": "Low stock", "tone": "warning"}),
            ("Success", {"text": "Paid", "tone": "success"}),
        ),
    ),
    Component(
        "alert",
        "Alert",
        "says_something",
        'GetByRole("alert").text_content({message})',
        (
            ("Info", {"message": "Saved."}),
            ("Danger", {"message": "Not saved.", "tone": "danger"}),
            ("Success", {"message": "Payment received.", "tone": "success"}),
        ),
    ),
)
_WITH_ASSERTIONS = 2  # stories per subject that carry assertions, as in Storyville 0.1


class SeedError(Exception):
    """The destination or size cannot be used: one line for the user, nothing written."""


def _fill(template: str, **values: str) -> str:
    return Template((TEMPLATES / template).read_text("utf-8")).substitute(values)


def py(value: object) -> str:
    """A literal as ruff formats it (double quotes), so the user's linter has nothing to say."""
    match value:
        case str():
            return json.dumps(value, ensure_ascii=False)
        case dict():
            return "{" + ", ".join(f"{py(k)}: {py(v)}" for k, v in value.items()) + "}"
        case _:
            return repr(value)


def _story(component: Component, title: str, props: dict[str, object], checked: bool) -> str:
    indent = " " * 16
    lines = [f"{indent}title={py(title)},", f"{indent}props={py(props)},"]
    if checked:
        query = component.query.format(**{k: py(v) for k, v in props.items()})
        lines.append(f"{indent}assertions=[{component.check}, {query}],")
    return "            Story(\n" + "\n".join(lines) + "\n            ),"


def _subject(component: Component, count: int) -> str:
    stories = [
        _story(component, title, props, checked=index < _WITH_ASSERTIONS)
        for index, (title, props) in enumerate(component.stories[:count])
    ]
    return _fill(
        "subject.py.tmpl",
        component=component.name,
        module=component.module,
        check=component.check,
        query=component.query.split("(", 1)[0],
        title=component.name,
        description=f"The {component.name.lower()} in its variations",
        stories="\n".join(stories),
    )


def spread(sections: int, subjects: int) -> list[int]:
    """Subjects per section, as even as they go (the first sections get the remainder)."""
    each, extra = divmod(subjects, sections)
    return [each + (index < extra) for index in range(sections)]


def check_destination(destination: Path) -> str:
    """The package name the catalog will have; refuses what would lose or shadow data."""
    name = destination.name
    if not name.isidentifier() or keyword.iskeyword(name):
        raise SeedError(f"{name!r} is not a Python package name (use letters, digits and _)")
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise SeedError(f"{destination} already exists and is not empty")
    return name


def seed(size: str, destination: Path) -> int:
    """Write the catalog; returns its number of stories."""
    if (shape := SIZES.get(size)) is None:
        raise SeedError(f"unknown size {size!r}: choose small, medium or large")
    package = check_destination(destination)
    files: dict[str, str] = {
        "__init__.py": "",
        "stories.py": _fill("catalog.py.tmpl", package=package, title=f"{package} components"),
    }
    stories, used = 0, 0
    for section, count in enumerate(spread(shape.sections, shape.subjects), start=1):
        folder = f"section_{section}"
        files[f"{folder}/__init__.py"] = ""
        files[f"{folder}/stories.py"] = _fill(
            "section.py.tmpl",
            title=f"Section {section}",
            description="Components that belong together",
        )
        for _ in range(count):
            component = COMPONENTS[used % len(COMPONENTS)]
            # A subject per directory: the second Button of a catalog is button_2.
            name = component.module + (
                f"_{used // len(COMPONENTS) + 1}" if used >= len(COMPONENTS) else ""
            )
            used += 1
            files[f"{folder}/{name}/__init__.py"] = ""
            files[f"{folder}/{name}/{component.module}.py"] = (
                TEMPLATES / f"{component.module}.py"
            ).read_text("utf-8")
            files[f"{folder}/{name}/stories.py"] = _subject(component, shape.stories)
            stories += min(shape.stories, len(component.stories))
    for relative, text in files.items():
        path = destination / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return stories
