"""Story assertions in the style of Testing Library: `Story(assertions=[GetByRole("button")])`.

Each query is a frozen dataclass and a callable assertion: called with a story's rendered
markup it returns None when what it describes is there and raises `AssertionError` saying
what it looked for and what the markup holds when not. Modifiers return new instances, so a
query can be defined once and refined per story. The first line of a message is what story
badges show; then come the query (`Query: ...`) and an excerpt of the markup (`Searched in: ...`),
worded as Storyville 0.1.1 words them.

`GetBy…` holds when some element matches the query and every check (`text_content`,
`with_attribute`); when several match, the first that passes the checks is enough.
`GetAllBy…` applies the checks to every match (or to the `nth` one) and can `count` them.
`not_()` turns either around: the element described, checks included, must not exist.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar, Self

from storyville.assertions.aria import (
    accessible_name,
    by_id,
    document_of,
    heading_level,
    labels_of,
    role_of,
)
from storyville.assertions.dom import Element, normalize, parse, trim

__all__ = [
    "GetAllByClass",
    "GetAllById",
    "GetAllByLabelText",
    "GetAllByRole",
    "GetAllByTagName",
    "GetAllByTestId",
    "GetAllByText",
    "GetByClass",
    "GetById",
    "GetByLabelText",
    "GetByRole",
    "GetByTagName",
    "GetByTestId",
    "GetByText",
]

_EXCERPT = 200  # characters of markup quoted in a message


def _markup_text(markup: object) -> str:
    if isinstance(markup, str):
        return markup
    if (to_html := getattr(markup, "__html__", None)) is not None:
        return str(to_html())
    return str(markup)


def _text_matches(actual: str, wanted: str, exact: bool) -> bool:
    actual, wanted = normalize(actual), normalize(wanted)
    return actual == wanted if exact else wanted.casefold() in actual.casefold()


@dataclass(frozen=True, kw_only=True)
class _Query:
    """What every query shares: its checks, the negation and the message machinery."""

    negated: bool = False
    expected_text: str | None = None
    attributes: tuple[tuple[str, str | None], ...] = ()
    expected_count: int | None = None  # GetAllBy only
    index: int | None = None  # GetAllBy only

    # What subclasses provide -------------------------------------------------------------

    def matches(self, root: Element) -> list[Element]:
        raise NotImplementedError

    def describe(self) -> str:
        """The query in words: "element with role 'button' named 'Save'"."""
        raise NotImplementedError

    def present(self, root: Element) -> str:
        """What the markup holds instead, for a message when nothing matches."""
        return ""

    def _arguments(self) -> str:
        raise NotImplementedError

    # Modifiers --------------------------------------------------------------------------

    @property
    def negate(self) -> bool:
        """Whether `not_()` was applied (0.1.1's name for `negated`)."""
        return self.negated

    def not_(self) -> Self:
        """Assert the element (with any checks given) does NOT exist."""
        return replace(self, negated=not self.negated)

    def text_content(self, expected: str) -> Self:
        """Assert the element's text equals `expected` (whitespace-normalized)."""
        return replace(self, expected_text=expected)

    def with_attribute(self, name: str, value: str | None = None) -> Self:
        """Assert the element has attribute `name`, equal to `value` when given."""
        return replace(self, attributes=(*self.attributes, (name.lower(), value)))

    # Running ----------------------------------------------------------------------------

    @property
    def __name__(self) -> str:
        """The name story badges and pytest items show, e.g. `GetByRole('button').not_()`."""
        parts = [f"{type(self).__name__}({self._arguments()})"]
        parts += self._modifier_names()
        return ".".join(parts)

    def _modifier_names(self) -> list[str]:
        parts = []
        if self.expected_text is not None:
            parts.append(f"text_content({self.expected_text!r})")
        for name, value in self.attributes:
            parts.append(
                f"with_attribute({name!r}" + (f", {value!r})" if value is not None else ")")
            )
        if self.negated:
            parts.append("not_()")
        return parts

    def _problem(self, el: Element) -> str | None:
        """Why `el` fails the checks, or None (worded as Storyville 0.1.1 words it)."""
        if self.expected_text is not None:
            actual = normalize(el.text)
            if actual != normalize(self.expected_text):
                return f"text: {normalize(self.expected_text)!r} but got: {actual!r}"
        for name, value in self.attributes:
            if name not in el.attrs:
                return f"attribute {name!r} not found"
            if value is not None and el.attrs[name] != value:
                return f"attribute {name!r}={value!r} but got {el.attrs[name]!r}"
        return None

    def _checks(self) -> str:
        words = []
        if self.expected_text is not None:
            words.append(f"text {normalize(self.expected_text)!r}")
        for name, value in self.attributes:
            words.append(f"attribute {name!r}" + (f" = {value!r}" if value is not None else ""))
        return f" having {' and '.join(words)}" if words else ""

    def _fail(self, headline: str, markup: str) -> AssertionError:
        return AssertionError(
            f"{headline}\nQuery: {self.__name__}\nSearched in: {trim(markup, _EXCERPT)}"
        )

    def _not_found(self, root: Element, markup: str) -> AssertionError:
        present = self.present(root)
        found = f"; {present}" if present else "; found none"
        return self._fail(f"Unable to find {self.describe()}{found}", markup)


class _GetBy(_Query):
    """How `GetBy…` runs: some match passes the checks (or, negated, none does)."""

    def __call__(self, markup: object) -> None:
        html = _markup_text(markup)
        root = parse(html)
        found = self.matches(root)
        passing = [el for el in found if self._problem(el) is None]
        if self.negated:
            if passing:
                count = f"{len(passing)}" if len(passing) > 1 else "one"
                raise self._fail(
                    f"Expected {self.describe()}{self._checks()} NOT to exist, "
                    f"but found {count}: {passing[0].html()}",
                    html,
                )
            return
        if not found:
            raise self._not_found(root, html)
        if len(found) > 1:
            raise self._fail(
                f"Found multiple elements ({len(found)}) for {self.describe()}; "
                f"use GetAll{type(self).__qualname__.removeprefix('Get')} to check several: "
                f"{found[0].html()}",
                html,
            )
        if not passing:
            problem = self._problem(found[0])
            raise self._fail(f"Expected {problem}, on {self.describe()}: {found[0].html()}", html)


class _GetAllBy(_Query):
    """How `GetAllBy…` runs: the count holds and every (or the nth) match passes."""

    def count(self, n: int) -> Self:
        """Assert exactly `n` elements match."""
        return replace(self, expected_count=n)

    def nth(self, i: int) -> Self:
        """Apply the checks to the `i`-th match (0-based) instead of to every match."""
        return replace(self, index=i)

    def _modifier_names(self) -> list[str]:
        parts = []
        if self.expected_count is not None:
            parts.append(f"count({self.expected_count})")
        if self.index is not None:
            parts.append(f"nth({self.index})")
        return parts + super()._modifier_names()

    def _plural(self) -> str:
        return self.describe().replace("element ", "elements ", 1)

    def _violation(self, root: Element) -> str | None:
        """Why the markup fails the positive assertion, or None when it holds."""
        found = self.matches(root)
        if (n := self.expected_count) is not None and found and len(found) != n:
            return f"Expected count: {n} but found: {len(found)} {self._plural()}"
        if not found:  # as in 0.1, even for count(0): absence is GetBy….not_()
            present = self.present(root)
            return f"Unable to find {self._plural()}; " + (present or "found none")
        chosen = list(enumerate(found))
        if self.index is not None:
            if not -len(found) <= self.index < len(found):
                return f"Index {self.index} out of bounds, found {len(found)} {self._plural()}"
            chosen = [(self.index, found[self.index])]
        for i, el in chosen:
            if (problem := self._problem(el)) is not None:
                return f"Expected {problem}, on {self.describe()} #{i}: {el.html()}"
        return None

    def __call__(self, markup: object) -> None:
        html = _markup_text(markup)
        root = parse(html)
        violation = self._violation(root)
        if self.negated and violation is None:
            found = self.matches(root)
            what = self._plural()
            if self.expected_count is not None:
                what = f"exactly {self.expected_count} {what}"
            if self.index is not None:
                what = f"{what} with a #{self.index}"
            example = f": {found[self.index or 0].html()}" if found else ""
            raise self._fail(
                f"Expected {what}{self._checks()} NOT to exist, but found {len(found)}{example}",
                html,
            )
        if not self.negated and violation is not None:
            raise self._fail(violation, html)


# Queries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Role(_Query):
    """Elements by ARIA role, accessible name and heading level."""

    role: str
    name: str | None = None
    level: int | None = None

    def matches(self, root: Element) -> list[Element]:
        wanted = self.role.strip().lower()
        found = []
        for el in root.iter():
            if el.hidden or role_of(el) != wanted:
                continue
            if self.level is not None and heading_level(el) != self.level:
                continue
            if self.name is not None and accessible_name(el) != normalize(self.name):
                continue
            found.append(el)
        return found

    def describe(self) -> str:
        text = f"element with role {self.role!r}"
        if self.name is not None:
            text += f" named {normalize(self.name)!r}"
        if self.level is not None:
            text += f" at level {self.level}"
        return text

    def present(self, root: Element) -> str:
        roles = []
        for el in root.iter():
            if not el.hidden and (role := role_of(el)) not in (None, "presentation", "none"):
                name = accessible_name(el, role)
                roles.append(f"{role} {name!r}" if name else role)
        if not roles:
            return "the markup has no elements with a role"
        unique = list(dict.fromkeys(roles))
        shown = ", ".join(unique[:12]) + (", …" if len(unique) > 12 else "")
        return f"roles present: {shown}"

    def _arguments(self) -> str:
        args = [repr(self.role)]
        if self.name is not None:
            args.append(f"name={self.name!r}")
        if self.level is not None:
            args.append(f"level={self.level}")
        return ", ".join(args)


@dataclass(frozen=True)
class _Text(_Query):
    """Elements by their own text, as Testing Library's ByText."""

    text: str
    exact: bool = True

    def matches(self, root: Element) -> list[Element]:
        return [el for el in root.iter() if _text_matches(el.own_text, self.text, self.exact)]

    def describe(self) -> str:
        how = "" if self.exact else " containing"
        return f"element with text{how} {normalize(self.text)!r}"

    def present(self, root: Element) -> str:
        texts = [t for el in root.iter() if (t := normalize(el.own_text))]
        if not texts:
            return "the markup has no text"
        shown = ", ".join(repr(trim(t, 40)) for t in texts[:8]) + (", …" if len(texts) > 8 else "")
        return f"texts present: {shown}"

    def _arguments(self) -> str:
        return repr(self.text) + ("" if self.exact else ", exact=False")


@dataclass(frozen=True)
class _LabelText(_Query):
    """Form controls by the text of their label."""

    label: str
    exact: bool = True

    def matches(self, root: Element) -> list[Element]:
        return [el for el in root.iter() if el.tag != "label" and self._labelled(el)]

    def _labelled(self, el: Element) -> bool:
        texts = [el.attrs.get("aria-label", "")]
        if ids := el.attrs.get("aria-labelledby", "").split():
            root = document_of(el)
            texts.append(" ".join(t.text for i in ids if (t := by_id(root, i)) is not None))
        texts += [label.text for label in labels_of(el)]
        return any(_text_matches(t, self.label, self.exact) for t in texts if t)

    def describe(self) -> str:
        how = "" if self.exact else " containing"
        return f"element labelled{how} {normalize(self.label)!r}"

    def present(self, root: Element) -> str:
        labels = [normalize(el.text) for el in root.iter() if el.tag == "label"]
        labels += [normalize(v) for el in root.iter() if (v := el.attrs.get("aria-label"))]
        if not labels:
            return "the markup has no labels"
        return "labels present: " + ", ".join(repr(trim(t, 40)) for t in labels[:8])

    def _arguments(self) -> str:
        return repr(self.label) + ("" if self.exact else ", exact=False")


class _ByAttribute(_Query):
    """Elements whose attribute `_attr` equals the query's value (an id, a test id)."""

    _attr: ClassVar[str]
    _what: ClassVar[str]

    def _value(self) -> str:
        raise NotImplementedError

    def matches(self, root: Element) -> list[Element]:
        wanted = self._value()
        return [el for el in root.iter() if el.attrs.get(self._attr) == wanted]

    def describe(self) -> str:
        return f"element with {self._what} {self._value()!r}"

    def present(self, root: Element) -> str:
        values = list(dict.fromkeys(v for el in root.iter() if (v := el.attrs.get(self._attr))))
        if not values:
            return f"the markup has no {self._attr} attributes"
        return f"{self._what}s present: " + ", ".join(map(repr, values[:12]))

    def _arguments(self) -> str:
        return repr(self._value())


@dataclass(frozen=True)
class _TestId(_ByAttribute):
    """Elements by `data-testid`."""

    _attr: ClassVar[str] = "data-testid"
    _what: ClassVar[str] = "data-testid"
    test_id: str

    def _value(self) -> str:
        return self.test_id


@dataclass(frozen=True)
class _Id(_ByAttribute):
    """Elements by `id`."""

    _attr: ClassVar[str] = "id"
    _what: ClassVar[str] = "id"
    id: str

    def _value(self) -> str:
        return self.id


@dataclass(frozen=True)
class _TagName(_Query):
    """Elements by tag name."""

    tag_name: str

    def matches(self, root: Element) -> list[Element]:
        wanted = self.tag_name.strip().lower()
        return [el for el in root.iter() if el.tag == wanted]

    def describe(self) -> str:
        return f"element <{self.tag_name.strip().lower()}>"

    def present(self, root: Element) -> str:
        tags = list(dict.fromkeys(el.tag for el in root.iter()))
        if not tags:
            return "the markup has no elements"
        return "tags present: " + ", ".join(tags[:16])

    def _arguments(self) -> str:
        return repr(self.tag_name)


@dataclass(frozen=True)
class _Class(_Query):
    """Elements by CSS class."""

    class_name: str

    def matches(self, root: Element) -> list[Element]:
        wanted = self.class_name.split()
        return [el for el in root.iter() if wanted and all(c in el.classes for c in wanted)]

    def describe(self) -> str:
        return f"element with class {self.class_name!r}"

    def present(self, root: Element) -> str:
        classes = list(dict.fromkeys(c for el in root.iter() for c in el.classes))
        if not classes:
            return "the markup has no classes"
        return "classes present: " + ", ".join(classes[:16])

    def _arguments(self) -> str:
        return repr(self.class_name)


# The public classes: how it runs, then what it looks for. Not re-decorated: each inherits
# its family's dataclass methods, which keeps the import cheap (dataclass creation dominates).


class GetByRole(_GetBy, _Role):
    """An element with ARIA role `role` (implicit or explicit), accessible `name`, heading
    `level`; hidden elements do not count."""


class GetAllByRole(_GetAllBy, _Role):
    """Every element with ARIA role `role` (and `name`, `level`)."""


class GetByText(_GetBy, _Text):
    """An element whose own text equals `text` (or contains it, any case, with exact=False)."""


class GetAllByText(_GetAllBy, _Text):
    """Every element whose own text matches `text`."""


class GetByLabelText(_GetBy, _LabelText):
    """A form control labelled `label`: `<label>`, `aria-label` or `aria-labelledby`."""


class GetAllByLabelText(_GetAllBy, _LabelText):
    """Every element labelled `label`."""


class GetByTestId(_GetBy, _TestId):
    """An element with `data-testid="test_id"`."""


class GetAllByTestId(_GetAllBy, _TestId):
    """Every element with `data-testid="test_id"`."""


class GetByTagName(_GetBy, _TagName):
    """An element with tag `tag_name` (any case)."""


class GetAllByTagName(_GetAllBy, _TagName):
    """Every element with tag `tag_name`."""


class GetById(_GetBy, _Id):
    """The element with `id="id"`."""


class GetAllById(_GetAllBy, _Id):
    """Every element with `id="id"` (ids should be unique: `.count(1)` checks that)."""


class GetByClass(_GetBy, _Class):
    """An element with every class in `class_name` (space-separated)."""


class GetAllByClass(_GetAllBy, _Class):
    """Every element with every class in `class_name`."""
