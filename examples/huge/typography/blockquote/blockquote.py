"""The blockquote component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Blockquote:
    """A quotation with its author and, optionally, the work and its address."""

    quote: str = "Simplicity is prerequisite for reliability."
    author: str = "Edsger W. Dijkstra"
    source: str | None = None
    cite_url: str | None = None

    def __call__(self):
        """Render the blockquote."""
        work = t", <cite>{self.source}</cite>" if self.source else ""
        return html(t"""
            <figure class="quote">
              <blockquote cite={self.cite_url}><p>{self.quote}</p></blockquote>
              <figcaption>— {self.author}{work}</figcaption>
            </figure>
        """)
