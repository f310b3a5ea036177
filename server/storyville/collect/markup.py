"""Normalise what components return into an HTML string."""

from __future__ import annotations

from string.templatelib import Template

import tdom


class NotMarkup(TypeError):
    """A story rendered something that is not HTML."""


def to_html(value: object) -> str:
    """HTML for a component's result: tdom markup (str/Markup), a t-string, `__html__`, a node."""
    match value:
        case None:
            return ""
        case str():
            return str(value)
        case Template():
            return tdom.html(value)
        case _ if hasattr(value, "__html__"):
            return str(value.__html__())  # type: ignore[attr-defined]
        case _ if type(value).__module__.startswith("tdom"):
            return str(value)  # node trees of tdom < 0.1.20
        case _:
            raise NotMarkup(
                f"expected markup (what tdom.html(t'...') returns), got {type(value).__name__}"
            )
