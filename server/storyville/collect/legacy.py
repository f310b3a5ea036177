"""Storyville 0.1 catalogs import tdom's node types, which tdom 0.1.20 no longer has.

Catalogs written for Storyville 0.1 (its `seed` generator among them) do
`from tdom import Element, Fragment, Node, html` to annotate components and assertions.
tdom 0.1.20 renders to markup strings and has no such names, so those imports would fail.
Before a build imports a catalog, storyville provides the missing names as types that
rendered markup is an instance of, so annotations resolve and `isinstance(el, Element)`
in an assertion still holds for what the story rendered.
"""

from __future__ import annotations

from typing import Any

import tdom

LEGACY_NAMES = ("Node", "Element", "Fragment", "Text", "Comment", "DocumentType")


class _RenderedMarkup(type):
    def __instancecheck__(cls, instance: Any) -> bool:
        return isinstance(instance, str)


def provide_tdom_node_names() -> None:
    for name in LEGACY_NAMES:
        if name not in vars(tdom):
            doc = f"Stands in for tdom < 0.1.20's {name} (see storyville.collect.legacy)."
            setattr(tdom, name, _RenderedMarkup(name, (), {"__module__": "tdom", "__doc__": doc}))
