"""A card: a titled box of content, its title a heading for navigation."""

from tdom import html


def Card(title: str = "Title", body: str = "", footer: str | None = None):
    return html(
        t"""<article class="card">
  <header><h3>{title}</h3></header>
  <p>{body}</p>
  {html(t"<footer>{footer}</footer>") if footer else ""}
</article>"""
    )


def has_a_body(markup: str) -> None:
    """An empty card is a layout bug, not a design."""
    assert "<p></p>" not in str(markup), "the card has no body"
