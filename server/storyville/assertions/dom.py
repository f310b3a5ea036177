"""A small, forgiving DOM built on the stdlib `html.parser`.

The stdlib parser needs no C extension beyond what every interpreter already has, so the
assertions load in the build's fresh subinterpreter at the cost of one pure-Python import.
It is a tokenizer, not a tree builder: this module adds the tree, void elements and the
few implied end tags (`<li>`, `<p>`, `<td>`, …) that component markup commonly relies on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
# Text in these never counts as visible text content.
_RAW = frozenset({"script", "style", "template"})
_BLOCKS_CLOSING_P = frozenset(
    {
        *("address", "article", "aside", "blockquote", "details", "dialog", "div", "dl"),
        *("fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5"),
        *("h6", "header", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul"),
    }
)
# An opening tag closes an open element of these kinds first (HTML's implied end tags).
_IMPLIED_END: dict[str, frozenset[str]] = {
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "option": frozenset({"option"}),
    "optgroup": frozenset({"option", "optgroup"}),
    "tr": frozenset({"tr", "td", "th"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "thead": frozenset({"tbody", "tfoot", "tr", "td", "th"}),
    "tbody": frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"}),
    "tfoot": frozenset({"thead", "tbody", "tr", "td", "th"}),
} | {tag: frozenset({"p"}) for tag in _BLOCKS_CLOSING_P}


def normalize(text: str) -> str:
    """Collapse runs of whitespace, as a browser shows text."""
    return " ".join(text.split())


@dataclass(eq=False, slots=True)
class Element:
    """One element: its tag, attributes (names lower-cased), children and parent."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    def iter(self) -> Iterator[Element]:
        """The descendants, in document order (not the element itself)."""
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    @property
    def text(self) -> str:
        """All descendant text, unnormalized (like the DOM's `textContent`)."""
        if self.tag in _RAW:
            return ""
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    @property
    def own_text(self) -> str:
        """The element's own text nodes only: what Testing Library's ByText queries match."""
        if self.tag in _RAW:
            return ""
        return "".join(c for c in self.children if isinstance(c, str))

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    @property
    def hidden(self) -> bool:
        """Hidden from assistive technology: `hidden` or `aria-hidden="true"` here or above."""
        return any(
            "hidden" in el.attrs or el.attrs.get("aria-hidden", "").strip() == "true"
            for el in (self, *self.ancestors())
        )

    def html(self, limit: int = 120) -> str:
        """The element's outer HTML, cut at `limit` characters, for messages."""
        return trim(_serialize(self), limit)


def _serialize(node: Element | str) -> str:
    if isinstance(node, str):
        return escape(node, quote=False)
    if node.tag == "#document":
        return "".join(map(_serialize, node.children))
    attrs = "".join(
        f" {name}" if value == "" else f' {name}="{escape(value)}"'
        for name, value in node.attrs.items()
    )
    if node.tag in VOID:
        return f"<{node.tag}{attrs}>"
    return f"<{node.tag}{attrs}>{''.join(map(_serialize, node.children))}</{node.tag}>"


def trim(text: str, limit: int) -> str:
    text = normalize(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.open: list[Element] = [self.root]

    def _add(self, tag: str, attrs: list[tuple[str, str | None]]) -> Element:
        closes = _IMPLIED_END.get(tag, frozenset())
        while len(self.open) > 1 and self.open[-1].tag in closes:
            self.open.pop()
        parent = self.open[-1]
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=parent)
        parent.children.append(element)
        return element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = self._add(tag, attrs)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add(tag, attrs)  # `<div/>` as written by components: an empty element

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching open element; a stray end tag is ignored, as browsers do.
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        children = self.open[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


@lru_cache(maxsize=16)
def parse(markup: str) -> Element:
    """The markup as a tree under a `#document` element; never raises on bad HTML.

    Cached because a story's assertions all parse the same markup; the tree is not mutated.
    """
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root
