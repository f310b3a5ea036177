"""Implicit ARIA roles and accessible names, after HTML-AAM and accname, kept small.

What a story can check is what assistive technology would announce: `GetByRole` finds
elements by the role and name a screen reader reports, not by tag, so markup can change
without the assertion changing. This covers what components render (no CSS, no shadow
DOM); the rules follow the specs and Testing Library's behaviour where they are simple.
"""

from __future__ import annotations

from storyville.assertions.dom import Element, normalize

# Roles that take their accessible name from their content (accname 1.2, "name from content").
NAME_FROM_CONTENT = frozenset(
    {
        *("button", "cell", "checkbox", "columnheader", "gridcell", "heading", "link"),
        *("menuitem", "menuitemcheckbox", "menuitemradio", "option", "radio", "row"),
        *("rowheader", "switch", "tab", "tooltip", "treeitem"),
    }
)
_SIMPLE: dict[str, str] = {
    "article": "article",
    "aside": "complementary",
    "blockquote": "blockquote",
    "button": "button",
    "caption": "caption",
    "code": "code",
    "datalist": "listbox",
    "dd": "definition",
    "details": "group",
    "dfn": "term",
    "dialog": "dialog",
    "dt": "term",
    "fieldset": "group",
    "figure": "figure",
    "form": "form",
    "hr": "separator",
    "li": "listitem",
    "main": "main",
    "menu": "list",
    "meter": "meter",
    "nav": "navigation",
    "ol": "list",
    "optgroup": "group",
    "option": "option",
    "output": "status",
    "p": "paragraph",
    "progress": "progressbar",
    "search": "search",
    "table": "table",
    "tbody": "rowgroup",
    "td": "cell",
    "textarea": "textbox",
    "tfoot": "rowgroup",
    "thead": "rowgroup",
    "tr": "row",
    "ul": "list",
}
_INPUT: dict[str, str | None] = {
    "button": "button",
    "checkbox": "checkbox",
    "color": None,
    "date": None,
    "datetime-local": None,
    "email": "textbox",
    "file": None,
    "hidden": None,
    "image": "button",
    "month": None,
    "number": "spinbutton",
    "password": None,
    "radio": "radio",
    "range": "slider",
    "reset": "button",
    "search": "searchbox",
    "submit": "button",
    "tel": "textbox",
    "text": "textbox",
    "time": None,
    "url": "textbox",
    "week": None,
}
_SECTIONING = frozenset({"article", "aside", "main", "nav", "section"})
_LABELABLE = frozenset({"button", "input", "meter", "output", "progress", "select", "textarea"})


def implicit_role(el: Element) -> str | None:
    """The role an element has without a `role` attribute, or None (generic, or none)."""
    match el.tag:
        case tag if tag in _SIMPLE:
            return _SIMPLE[tag]
        case "a" | "area":
            return "link" if "href" in el.attrs else None
        case "h1" | "h2" | "h3" | "h4" | "h5" | "h6":
            return "heading"
        case "img":
            # alt="" marks an image as decoration, unless it is named some other way.
            named = any(a in el.attrs for a in ("aria-label", "aria-labelledby", "title"))
            return "presentation" if el.attrs.get("alt") == "" and not named else "img"
        case "input":
            kind = el.attrs.get("type", "text").strip().lower()
            role = _INPUT.get(kind, "textbox")
            if role in ("textbox", "searchbox") and "list" in el.attrs:
                return "combobox"
            return role
        case "select":
            size = el.attrs.get("size", "")
            many = "multiple" in el.attrs or (size.isdigit() and int(size) > 1)
            return "listbox" if many else "combobox"
        case "th":
            return "rowheader" if el.attrs.get("scope") == "row" else "columnheader"
        case "header" | "footer":
            if any(a.tag in _SECTIONING for a in el.ancestors()):
                return None  # only the page's own header and footer are landmarks
            return "banner" if el.tag == "header" else "contentinfo"
        case "section":
            return "region" if accessible_name(el, "region") else None
        case _:
            return None


def role_of(el: Element) -> str | None:
    """The explicit role (its first token, as browsers take the first they know), else the
    implicit one."""
    if tokens := el.attrs.get("role", "").split():
        return tokens[0].lower()
    return implicit_role(el)


def heading_level(el: Element) -> int | None:
    if (level := el.attrs.get("aria-level", "").strip()).isdigit():
        return int(level)
    if len(el.tag) == 2 and el.tag[0] == "h" and el.tag[1] in "123456":
        return int(el.tag[1])
    return None


def document_of(el: Element) -> Element:
    *_, root = (el, *el.ancestors())
    return root


def by_id(root: Element, ident: str) -> Element | None:
    return next((e for e in root.iter() if e.attrs.get("id") == ident), None)


def labels_of(el: Element) -> list[Element]:
    """The `<label>` elements of a form control: `<label for=id>` and a wrapping label."""
    if el.tag not in _LABELABLE or el.attrs.get("type") == "hidden":
        return []
    found = []
    if ident := el.attrs.get("id"):
        found = [
            e for e in document_of(el).iter() if e.tag == "label" and e.attrs.get("for") == ident
        ]
    wrapping = next((a for a in el.ancestors() if a.tag == "label"), None)
    if wrapping is not None and wrapping not in found and "for" not in wrapping.attrs:
        found.append(wrapping)
    return found


def content_text(el: Element) -> str:
    """Text from content for a name: visible text, images' alt text, nested names."""
    parts: list[str] = []
    for child in el.children:
        if isinstance(child, str):
            if el.tag not in ("script", "style", "template"):
                parts.append(child)
        elif not child.hidden:
            if label := child.attrs.get("aria-label", "").strip():
                parts.append(f" {label} ")
            elif child.tag == "img":
                parts.append(f" {child.attrs.get('alt', '')} ")
            elif child.tag in ("input", "select", "textarea"):
                parts.append(f" {child.attrs.get('value', '')} ")
            else:
                parts.append(content_text(child))
    return "".join(parts)


def accessible_name(el: Element, role: str | None = None) -> str:
    """The accessible name, in accname's order: aria-labelledby, aria-label, the host
    language's label (label, alt, legend, caption, value), content for roles named from
    it, then title and placeholder."""
    role = role if role is not None else role_of(el)
    if ids := el.attrs.get("aria-labelledby", "").split():
        root = document_of(el)
        texts = [content_text(t) for i in ids if (t := by_id(root, i)) is not None]
        if name := normalize(" ".join(texts)):
            return name
    if name := normalize(el.attrs.get("aria-label", "")):
        return name
    if name := normalize(" ".join(_label_text(label, el) for label in labels_of(el))):
        return name
    if name := _native_name(el):
        return name
    from_content = role in NAME_FROM_CONTENT or (role is None and el.tag in ("button", "a"))
    if from_content and (name := normalize(content_text(el))):
        return name
    return normalize(el.attrs.get("title", "") or el.attrs.get("placeholder", ""))


def _label_text(label: Element, control: Element) -> str:
    # A label's text without the control inside it (its value would repeat otherwise).
    parts = []
    for child in label.children:
        if child is control:
            continue
        parts.append(child if isinstance(child, str) else content_text(child))
    return " ".join(parts)


def _native_name(el: Element) -> str:
    match el.tag:
        case "img" | "area":
            return normalize(el.attrs.get("alt", ""))
        case "input":
            kind = el.attrs.get("type", "text").lower()
            if kind == "image":
                return normalize(el.attrs.get("alt", "")) or "Submit"
            if kind in ("submit", "reset", "button"):
                default = {"submit": "Submit", "reset": "Reset"}.get(kind, "")
                return normalize(el.attrs.get("value", default))
        case "fieldset" | "table" | "figure":
            first = {"fieldset": "legend", "table": "caption", "figure": "figcaption"}[el.tag]
            found = next(
                (c for c in el.children if isinstance(c, Element) and c.tag == first), None
            )
            return normalize(content_text(found)) if found is not None else ""
    return ""
