"""The table of contents component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class TableOfContents:
    """Links to the headings of a long page, indented by level."""

    title: str = "On this page"
    entries: tuple[tuple[int, str], ...] = (
        (2, "Installation"),
        (2, "Usage"),
        (3, "Options"),
        (2, "FAQ"),
    )
    active: str | None = None

    def __call__(self):
        """Render the table of contents."""
        items = []
        for level, text in self.entries:
            slug = text.lower().replace(" ", "-")
            current = "location" if text == self.active else None
            link = t'<a href="#{slug}" aria-current={current}>{text}</a>'
            items.append(t'<li class="toc-h{level}">{link}</li>')
        return html(t"""
            <nav class="toc" aria-label={self.title}>
              <h2>{self.title}</h2>
              <ol>{items}</ol>
            </nav>
        """)
