"""Static story checks: what the next build would get wrong, found in the source alone.

A props key the component does not take and a parameter it needs but is not given (the
build would raise TypeError), and two stories of one subject with the same title. Pure:
a `StoriesInfo` and a way to find a target's `Signature` in, findings out. Where the
source does not settle the question (a computed props dict, an unresolvable target, a
template) there is no finding: a false alarm in working code costs more than a miss.
"""

from __future__ import annotations

import ast
import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from storyville.lsp.signatures import Signature
from storyville.lsp.stories_source import (
    STORY_ARGUMENTS,
    ParsedFile,
    Span,
    StoriesInfo,
    StoryInfo,
)

type Code = Literal["unknown-prop", "missing-prop", "duplicate-title"]
type Severity = Literal["error", "warning"]
type SignatureOf = Callable[[ast.expr], Signature | None]

_STORY_FIELDS = tuple(name for name, _, _ in STORY_ARGUMENTS)
_SHOWN_PARAMS = 8


@dataclass(frozen=True, slots=True)
class Fix:
    title: str
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Finding:
    code: Code
    severity: Severity
    span: Span
    message: str
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class _Key:
    name: str
    span: Span  # what is underlined and what a fix replaces
    quote: str | None  # what the name is written between: "" for a keyword, None if unsure


@dataclass(frozen=True, slots=True)
class _Props:
    keys: tuple[_Key, ...]  # the keys written as literals
    complete: bool  # no other key can be in it (no `**spread`, no computed key)
    node: ast.expr | None


def check(info: StoriesInfo, signature_of: SignatureOf) -> list[Finding]:
    """The findings of one stories.py, in source order.

    Only a file with one `Subject(...)` is checked: only a subject's stories are rendered.
    """
    if (subject := _the_subject(info)) is None:
        return []
    findings = [
        finding
        for story in info.stories
        for finding in _check_story(info.parsed, story, subject, signature_of)
    ]
    findings += _duplicate_titles(info.parsed, subject)
    return sorted(findings, key=lambda f: (f.span.line, f.span.col))


def _the_subject(info: StoriesInfo) -> ast.Call | None:
    """The file's one `Subject(...)`: with two, which stories each holds is not certain."""
    if info.kind != "Subject" or info.parsed.tree is None:
        return None
    calls = [
        n
        for n in ast.walk(info.parsed.tree)
        if isinstance(n, ast.Call) and _called(n.func) == "Subject"
    ]
    return calls[0] if len(calls) == 1 else None


def _called(func: ast.expr) -> str | None:
    match func:
        case ast.Name(id=name) | ast.Attribute(attr=name):
            return name
    return None


def _fields(call: ast.Call) -> dict[str, ast.expr] | None:
    """`Story(...)`'s arguments by field name; None when a `*` or `**` hides some."""
    if len(call.args) > len(_STORY_FIELDS) or any(isinstance(a, ast.Starred) for a in call.args):
        return None
    fields = dict(zip(_STORY_FIELDS, call.args, strict=False))
    for keyword in call.keywords:
        if keyword.arg is None:
            return None
        fields[keyword.arg] = keyword.value
    return fields


def _check_story(
    parsed: ParsedFile, story: StoryInfo, subject: ast.Call, signature_of: SignatureOf
) -> Iterator[Finding]:
    fields = _fields(story.call)
    if fields is None:
        return
    match fields.get("template"):
        case None | ast.Constant(value=None):
            pass
        case _:
            return  # the template renders, not target(**props)
    target = fields.get("target") or _keyword(subject, "target")
    if target is None or (signature := signature_of(target)) is None:
        return
    props = _props(parsed, fields.get("props"))
    if props is None:
        return
    given = {key.name for key in props.keys}
    meant: set[str] = set()  # what misspelt keys stand for: not reported missing as well
    if not signature.open:
        for key in props.keys:
            if key.name not in signature.keywords:
                finding, suggested = _unknown(key, signature, given)
                meant |= {suggested} if suggested else set()
                yield finding
    missing = [name for name in signature.required if name not in given | meant]
    if missing and props.complete and signature.callable_by_keywords:
        where = parsed.span(props.node) if props.node is not None else story.name_span
        names = " and ".join(f"`{name}`" for name in missing)
        yield Finding(
            "missing-prop",
            "error",
            where,
            f"{signature.name} needs {names}: no default, and the props do not give "
            + ("it" if len(missing) == 1 else "them"),
        )


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _props(parsed: ParsedFile, node: ast.expr | None) -> _Props | None:
    """The literal keys of `props=` (a dict display or `dict(...)`), or None if unknown."""
    match node:
        case None:
            return _Props((), True, None)
        case ast.Dict(keys=keys):
            found = tuple(
                _Key(k.value, span, _quote(parsed, span, k.value))
                for k in keys
                if isinstance(k, ast.Constant) and isinstance(k.value, str)
                for span in (parsed.span(k),)
            )
            return _Props(found, len(found) == len(keys), node)
        case ast.Call(func=ast.Name(id="dict"), args=args, keywords=keywords):
            found = tuple(_keyword_key(parsed, k) for k in keywords if k.arg is not None)
            return _Props(found, not args and len(found) == len(keywords), node)
    return None


def _keyword_key(parsed: ParsedFile, keyword: ast.keyword) -> _Key:
    assert keyword.arg is not None
    start = parsed.span(keyword)
    end = start.col + len(keyword.arg)
    return _Key(keyword.arg, Span(start.line, start.col, start.line, end), "")


def _quote(parsed: ParsedFile, span: Span, value: str) -> str | None:
    """The key's quote when it is written plainly, so a fix can rewrite it."""
    if span.line != span.end_line:
        return None
    written = parsed.lines[span.line][span.col : span.end_col]
    return next((q for q in ('"', "'") if written == f"{q}{value}{q}"), None)


def _unknown(key: _Key, signature: Signature, given: set[str]) -> tuple[Finding, str | None]:
    """The finding, and the parameter the key most likely means."""
    name = signature.name
    if key.name in signature.positional_only:
        message = f"`{key.name}` is a positional-only parameter of {name}: props go by keyword"
        return Finding("unknown-prop", "error", key.span, message), None
    free = [k for k in signature.keywords if k not in given]
    close = difflib.get_close_matches(key.name, free, n=1)
    if not close:
        shown = ", ".join(f"`{k}`" for k in signature.keywords[:_SHOWN_PARAMS])
        more = ", …" if len(signature.keywords) > _SHOWN_PARAMS else ""
        takes = f"it takes {shown}{more}" if shown else "it takes none"
        message = f"`{key.name}` is not a parameter of {name} ({takes})"
        return Finding("unknown-prop", "error", key.span, message), None
    (meant,) = close
    message = f"`{key.name}` is not a parameter of {name}; did you mean `{meant}`?"
    fix = None
    if key.quote is not None:
        fix = Fix(f"Change to `{meant}`", key.span, f"{key.quote}{meant}{key.quote}")
    return Finding("unknown-prop", "error", key.span, message, fix), meant


def _duplicate_titles(parsed: ParsedFile, subject: ast.Call) -> Iterator[Finding]:
    items = _keyword(subject, "items") or (subject.args[3] if len(subject.args) > 3 else None)
    if not isinstance(items, ast.List | ast.Tuple):
        return
    first: dict[str, int] = {}
    for item in items.elts:
        if not (isinstance(item, ast.Call) and _called(item.func) == "Story"):
            continue
        fields = _fields(item)
        match fields and fields.get("title"):
            case ast.Constant(value=str(title)) as node if title:
                if title in first:
                    yield Finding(
                        "duplicate-title",
                        "warning",
                        parsed.span(node),
                        f'Another story of this subject is titled "{title}" (line '
                        f"{first[title] + 1}): the catalog shows both under that name",
                    )
                else:
                    first[title] = node.lineno - 1
