"""Small components of the catalog UI; each returns a t-string template (`markup.html`)."""

from __future__ import annotations

from string.templatelib import Template

from storyville.collect.snapshot import AssertionOutcome, StoryData
from storyville.site.ui.models import Link, PageSpec, Summary

CANVAS_STYLE = "<style>body{margin:0;padding:1rem;font-family:system-ui,sans-serif}</style>"
# Reports the canvas's height to the catalog page, which sizes the frame to fit. A message
# works where reaching into the frame does not (file:// pages have opaque origins).
CANVAS_SIZE = (
    "<script>(()=>{const s=()=>parent.postMessage({storyvilleCanvasHeight:"
    "Math.ceil(document.documentElement.getBoundingClientRect().height)},'*');addEventListener('load',s);"
    "addEventListener('message',e=>{if(e.data&&e.data.storyvilleCanvasAsk)s()});"
    "new ResizeObserver(s).observe(document.documentElement)})()</script>"
)


def canvas_document(html: str) -> str:
    """A story's markup as a standalone document for an isolated iframe."""
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{CANVAS_STYLE}</head><body>{html}{CANVAS_SIZE}</body></html>"


def canvas(story: StoryData, title: str) -> Template:
    return t'<iframe class="sv-canvas" title="{title}" srcdoc="{canvas_document(story.html)}"></iframe>'


def breadcrumbs(spec: PageSpec) -> Template:
    items = [t'<li><a href="{spec.root + c.url}">{c.title}</a></li>' for c in spec.crumbs]
    return t'<nav aria-label="breadcrumb"><ul>{items}<li>{spec.title}</li></ul></nav>'


def badge(outcome: AssertionOutcome) -> Template:
    if outcome.passed:
        return t'<span class="sv-badge sv-pass" title="passed">✓ {outcome.name}</span>'
    tip = outcome.message or "failed"
    return t'<span class="sv-badge sv-fail" title="{tip}">✗ {outcome.name}</span>'


def badges(story: StoryData) -> Template | None:
    if not story.assertions:
        return None
    return t'<div class="sv-badges" role="list">{[badge(a) for a in story.assertions]}</div>'


def failed_messages(story: StoryData) -> Template | None:
    failed = [a for a in story.assertions if not a.passed]
    if not failed:
        return None
    rows = [t"<li><strong>{a.name}</strong>: {a.message or 'failed'}</li>" for a in failed]
    return t'<ul class="sv-failures">{rows}</ul>'


def card(spec: PageSpec, summary: Summary) -> Template:
    count = f"{summary.stories} stor{'y' if summary.stories == 1 else 'ies'}"
    failed = (
        t' · <span class="sv-badge sv-fail">{summary.failed} failing</span>'
        if summary.failed
        else None
    )
    description = t"<p>{summary.description}</p>" if summary.description else None
    return t"""<article>
<header><a href="{spec.root + summary.link.url}"><strong>{summary.link.title}</strong></a></header>
{description}<footer class="sv-muted">{summary.kind} · {count}{failed}</footer>
</article>"""


def pager(spec: PageSpec) -> Template | None:
    if spec.previous is None and spec.next is None:
        return None
    prev = (
        t'<a href="{spec.root + spec.previous.url}">← {spec.previous.title}</a>'
        if spec.previous
        else t"<span></span>"
    )
    nxt = (
        t'<a href="{spec.root + spec.next.url}">{spec.next.title} →</a>'
        if spec.next
        else t"<span></span>"
    )
    return t'<nav class="sv-pager">{prev}{nxt}</nav>'


def link(spec: PageSpec, target: Link) -> Template:
    return t'<a href="{spec.root + target.url}">{target.title}</a>'
