"""The catalog UI's renderer: what a page's values turn into, and what it refuses."""

from __future__ import annotations

import pytest
from markupsafe import Markup
from storyville.site.ui.markup import html


def test_text_and_quoted_attribute_values_are_escaped() -> None:
    title = 'Tom & "Jerry" <3'
    assert html(t'<a title="{title}">{title}</a>') == (
        '<a title="Tom &amp; &#34;Jerry&#34; &lt;3">Tom &amp; &#34;Jerry&#34; &lt;3</a>'
    )


def test_nested_templates_lists_and_markup_go_in_as_markup() -> None:
    items = [t"<li>{n}</li>" for n in ("a<", "b")]
    trusted = Markup("<hr>")
    assert html(t"<ul>{items}</ul>{trusted}") == "<ul><li>a&lt;</li><li>b</li></ul><hr>"


def test_none_and_false_render_nothing_and_numbers_render_as_text() -> None:
    count = 3
    assert html(t"<p>{None}{False}{count} stories</p>") == "<p>3 stories</p>"


def test_conversions_and_format_specs_apply_before_escaping() -> None:
    ratio = 0.4567
    name = "<b>"
    assert html(t"<p>{ratio:.1%} {name!r}</p>") == "<p>45.7% &#39;&lt;b&gt;&#39;</p>"


def test_an_object_with_its_own_html_is_trusted() -> None:
    class Badge:
        def __html__(self) -> str:
            return "<span>ok</span>"

    badge = Badge()
    assert html(t"<div>{badge}</div>") == "<div><span>ok</span></div>"


def test_the_result_is_markup_so_it_nests_unescaped() -> None:
    inner = html(t"<em>{'x'}</em>")
    assert isinstance(inner, Markup)
    assert html(t"<p>{inner}</p>") == "<p><em>x</em></p>"


def test_an_unquoted_attribute_value_is_refused() -> None:
    url = "a b.html"
    with pytest.raises(ValueError, match=r"unquoted attribute value \{url\}"):
        html(t"<a href={url}>x</a>")


def test_markup_in_an_attribute_value_is_escaped_all_the_same() -> None:
    """A story title that happens to be `Markup` cannot end the attribute and add others."""
    title = Markup('x" onmouseover="alert(1)')
    assert html(t'<iframe title="{title}"></iframe>') == (
        '<iframe title="x&#34; onmouseover=&#34;alert(1)"></iframe>'
    )


def test_an_attribute_value_takes_text_numbers_or_none_only() -> None:
    line, missing = 12, None
    assert html(t'<a data-line="{line}" data-file="{missing}">x</a>') == (
        '<a data-line="12" data-file="">x</a>'
    )
    nested = t"<b>x</b>"
    with pytest.raises(ValueError, match=r"attribute value \{nested\} is a Template"):
        html(t'<a title="{nested}">x</a>')
