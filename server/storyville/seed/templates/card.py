"""A card: a titled box of content, its title a heading for navigation."""

from tdom import html


def Card(title: str = "Title", body: str = "", footer: str | None = None):
    # html() returns a string: a nested html() would be escaped, so the footer is markup here.
    if footer:
        return html(
            t'<article class="card"><h3>{title}</h3><p>{body}</p>'
            t"<footer>{footer}</footer></article>"
        )
    return html(t'<article class="card"><h3>{title}</h3><p>{body}</p></article>')


def has_a_body(markup: str) -> None:
    """An empty card is a layout bug, not a design."""
    assert "<p></p>" not in str(markup), "the card has no body"
