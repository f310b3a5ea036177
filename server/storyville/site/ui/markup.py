"""HTML from the catalog UI's own t-strings: their static text as written, values escaped.

A build renders every page of the catalog UI, 4,011 at 3,000 stories. tdom parses each
template into nodes and serialises them again, about 0.7 ms a page; joining escaped values
into the templates' static text costs a tenth of that, and the UI's templates need nothing
more: storyville writes them, they are well formed, and every attribute that takes a value
is quoted in the source, so one escape fits text and attribute values alike. The stories'
own components still render with tdom (`collect/markup.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from string.templatelib import Interpolation, Template, convert

from markupsafe import Markup, escape

__all__ = ["html"]


def html(template: Template) -> Markup:
    """The template's markup. In text, nested templates, lists of them and `Markup` go in
    as they are, `None` and `False` as nothing, anything else as escaped text; in a quoted
    attribute value, only text (escaped, `Markup` too) and numbers, `None` as empty."""
    parts: list[str] = []
    _template(template, parts)
    return Markup("".join(parts))


def _template(template: Template, parts: list[str]) -> None:
    previous = ""
    for item in template:
        if isinstance(item, str):
            parts.append(item)
            previous = item
            continue
        if previous.endswith("="):
            raise ValueError(
                f"unquoted attribute value {{{item.expression}}} after {previous[-40:]!r}:"
                " the catalog UI quotes its attributes"
            )
        if previous.endswith(('="', "='")):
            parts.append(_attribute(item))
        else:
            _value(_formatted(item), parts)
        previous = ""


def _attribute(item: Interpolation) -> str:
    """An attribute's value is text, always escaped: markup there (a `Markup` title, say)
    would end the attribute and could add others."""
    value = _formatted(item)
    match value:
        case None:
            return ""
        case str() | int() | float():
            return escape(str(value))
        case _:
            raise ValueError(
                f"attribute value {{{item.expression}}} is a {type(value).__name__}, not text"
            )


def _formatted(item: Interpolation) -> object:
    if not item.conversion and not item.format_spec:
        return item.value
    return format(convert(item.value, item.conversion), item.format_spec)


def _value(value: object, parts: list[str]) -> None:
    match value:
        case None | False:
            pass
        case Template():
            _template(value, parts)
        case _ if hasattr(value, "__html__"):
            parts.append(escape(value))  # markupsafe: the object's own __html__()
        case str():
            parts.append(escape(value))
        case Iterable():
            for each in value:  # pyright: ignore[reportUnknownVariableType]
                _value(each, parts)
        case _:
            parts.append(escape(value))
