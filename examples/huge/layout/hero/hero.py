"""The hero component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Hero:
    """The big opening section of a landing page, with one call to action."""

    headline: str = "Build interfaces, one story at a time"
    subhead: str = "A component catalog for Python templates."
    cta: str = "Get started"
    cta_href: str = "/docs"
    background: str | None = None
    align: str = "center"

    def __call__(self):
        """Render the hero."""
        style = {"text-align": self.align}
        if self.background:
            style["background-image"] = f'url("{self.background}")'
        return html(t"""
            <section class="hero" style={style}>
              <h1>{self.headline}</h1>
              <p class="lead">{self.subhead}</p>
              <a class="btn btn-primary btn-lg" href={self.cta_href}>{self.cta}</a>
            </section>
        """)
