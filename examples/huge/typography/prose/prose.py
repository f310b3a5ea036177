"""The prose component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Prose:
    """An article: title, optional byline and paragraphs of running text."""

    title: str = "On writing well"
    paragraphs: tuple[str, ...] = (
        "Clear thinking becomes clear writing; one can't exist without the other.",
        "Every word should do useful work.",
    )
    byline: str | None = None

    def __call__(self):
        """Render the prose."""
        body = [t"<p>{paragraph}</p>" for paragraph in self.paragraphs]
        byline = t'<p class="byline">By {self.byline}</p>' if self.byline else ""
        return html(t"""
            <article class="prose">
              <h2>{self.title}</h2>
              {byline}
              {body}
            </article>
        """)
