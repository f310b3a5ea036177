"""The card component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Card:
    """A box for one item: an optional image, a title (or link), text and a footer."""

    title: str = "Getting started"
    body: str = "Install the package and create your first catalog in minutes."
    image: str | None = None
    footer: str | None = None
    href: str | None = None

    def __call__(self):
        """Render the card."""
        media = t'<img class="card-media" src={self.image} alt="" />' if self.image else ""
        heading = t"<a href={self.href}>{self.title}</a>" if self.href else self.title
        footer = t'<footer class="card-footer">{self.footer}</footer>' if self.footer else ""
        return html(t"""
            <article class="card">
              {media}
              <h3 class="card-title">{heading}</h3>
              <p>{self.body}</p>
              {footer}
            </article>
        """)
