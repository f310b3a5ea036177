"""The catalog UI's pages: a layout around index, section, subject and story content."""

from __future__ import annotations

from functools import cache
from string.templatelib import Template

from markupsafe import Markup

from storyville.site.ui.assets import ASSETS, asset_url
from storyville.site.ui.components import (
    badges,
    breadcrumbs,
    canvas,
    card,
    failed_messages,
    link,
    pager,
)
from storyville.site.ui.markup import html
from storyville.site.ui.models import PageKind, PageSpec
from storyville.site.ui.urls import story_url
from storyville.text import utf8

__all__ = ["ASSETS", "render_page"]


@cache
def _head_links(root: str) -> Markup:
    """The same for every page at one depth: rendered once per depth, not once per page."""
    return html(t"""<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="storyville">
<link rel="icon" href="{root + asset_url("favicon.svg")}" type="image/svg+xml">
<link rel="stylesheet" href="{root + asset_url("pico.min.css")}">
<link rel="stylesheet" href="{root + asset_url("storyville.css")}">
<script src="{root + ASSETS + "/catalog.js"}" defer></script>
<script src="{root + asset_url("nav.js")}" defer></script>
<script src="{root + asset_url("idiomorph.min.js")}" defer></script>""")


@cache
def _topbar(root: str, catalog: str) -> Markup:
    return html(
        t"""<header class="sv-topbar"><nav><ul><li><a class="sv-brand" href="{root + "index.html"}">{catalog}</a></li></ul><ul><li><button class="sv-nav-toggle secondary outline" type="button" aria-controls="sv-nav" aria-expanded="false">Catalog</button></li></ul></nav></header>"""
    )


@cache
def _sidebar(root: str) -> Markup:
    """nav.js fills it from catalog.js; the link is what shows without scripts."""
    return html(
        t"""<aside class="sv-sidebar" id="sv-nav" aria-label="Catalog"><a href="{root + "index.html"}">All sections</a></aside>"""
    )


def layout(spec: PageSpec, content: Template) -> Template:
    root = spec.root
    title = spec.title if spec.kind is PageKind.INDEX else f"{spec.title} · {spec.catalog}"
    return t"""<!DOCTYPE html>
<html lang="en" data-root="{root}" data-page="{spec.url}" data-kind="{spec.kind}">
<head>
<meta charset="utf-8">
<title>{title}</title>
{_head_links(root)}
</head>
<body>
{_topbar(root, spec.catalog)}
<div class="sv-shell">
{_sidebar(root)}
<main class="sv-main">
{breadcrumbs(spec) if spec.crumbs else None}
{content}
</main>
</div>
</body>
</html>
"""


def index_content(spec: PageSpec) -> Template:
    totals = spec.totals
    assert totals is not None
    failing = (
        t"""<section><h2>Failing assertions</h2><ul class="sv-failures">{
            [
                t"<li>{link(spec, f.link)}: <strong>{f.assertion}</strong> {f.message or ''}</li>"
                for f in spec.failures
            ]
        }</ul></section>"""
        if spec.failures
        else None
    )
    return t"""<hgroup><h1>{spec.title}</h1>
<p>{totals.sections} sections · {totals.subjects} subjects · {totals.stories} stories · {totals.passed} assertions passed{f", {totals.failed} failed" if totals.failed else ""}</p></hgroup>
{failing}
<div class="sv-grid">{[card(spec, c) for c in spec.children]}</div>
"""


def section_content(spec: PageSpec) -> Template:
    node = spec.node
    assert node is not None
    description = t"<p>{node.description}</p>" if node.description else None
    return t"""<h1>{spec.title}</h1>
{description}
<div class="sv-grid">{[card(spec, c) for c in spec.children]}</div>
"""


def subject_content(spec: PageSpec) -> Template:
    node = spec.node
    assert node is not None
    description = t"<p>{node.description}</p>" if node.description else None
    component = (
        t'<p class="sv-muted">Component <code>{node.component}</code></p>'
        if node.component
        else None
    )
    stories = [
        t"""<article class="sv-story" id="{f"story-{story.index}"}">
<header><h3><a href="{spec.root + story_url(node.path, story.index)}">{story.title}</a></h3>
{t"<p>{story.description}</p>" if story.description else None}{badges(story)}</header>
{canvas(story, story.title)}
</article>"""
        for story in node.stories
    ]
    return t"""<h1>{spec.title}</h1>
{description}{component}
{stories}
"""


def story_content(spec: PageSpec) -> Template:
    story = spec.story
    assert story is not None
    description = t"<p>{story.description}</p>" if story.description else None
    props = (
        t"""<h2>Props</h2><table class="sv-props"><thead><tr><th>Name</th><th>Value</th></tr></thead>
<tbody>{[t"<tr><td>{name}</td><td>{value}</td></tr>" for name, value in story.props]}</tbody></table>"""
        if story.props
        else None
    )
    themed = (
        t"""<h2>In the themed layout</h2>
<p><a href="{spec.root + spec.themed_url}" target="_blank">Open the themed page</a></p>
<iframe class="sv-themed" title="{f"{story.title} (themed)"}" src="{spec.root + spec.themed_url}"></iframe>"""
        if spec.themed_url
        else None
    )
    renders = t"<code>{story.renders}</code>" if story.renders else None
    # A source link: the VS Code webview opens the file at the line (live.js); elsewhere text.
    source = (
        t' · defined at <code><a class="sv-source-link" data-file="{spec.source_file}" data-line="{spec.source_line}">{spec.source_hint}</a></code>'
        if spec.source_hint
        else None
    )
    return t"""<h1>{spec.title}</h1>
{description}
{badges(story)}{failed_messages(story)}
{canvas(story, story.title)}
<p class="sv-muted">Renders {renders}{source}</p>
{themed}
{props}
<details><summary>HTML</summary><pre class="sv-source"><code>{story.html}</code></pre></details>
{pager(spec)}
"""


def themed_document(html: str) -> str:
    """The themed layout's output as a page; a fragment gets a minimal document around it."""
    head = html.lstrip()[:15].lower()
    if head.startswith("<!doctype"):
        return html
    if head.startswith("<html"):
        return "<!DOCTYPE html>\n" + html
    return f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'></head><body>{html}</body></html>"


def render_page(spec: PageSpec) -> bytes:
    match spec.kind:
        case PageKind.THEMED:
            assert spec.story is not None
            return utf8(themed_document(spec.story.themed_html or ""))
        case PageKind.INDEX:
            content = index_content(spec)
        case PageKind.SECTION:
            content = section_content(spec)
        case PageKind.SUBJECT:
            content = subject_content(spec)
        case PageKind.STORY:
            content = story_content(spec)
    # utf8: the build cleaned the catalog's text, but a file path may still hold surrogates
    return utf8(html(layout(spec, content)))
