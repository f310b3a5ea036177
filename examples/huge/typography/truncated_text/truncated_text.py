"""The truncated text component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class TruncatedText:
    """Long text cut at a word boundary, with a link to the rest."""

    text: str = (
        "Storyville turns the stories you write next to your components into a browsable"
        " catalog, with assertions that check each one."
    )
    max_chars: int = 80
    more_href: str = "#"

    def __call__(self):
        """Render the truncated text."""
        if len(self.text) <= self.max_chars:
            return html(t'<p class="truncated">{self.text}</p>')
        cut = self.text[: self.max_chars].rsplit(" ", 1)[0]
        return html(t"""
            <p class="truncated">{cut}… <a href={self.more_href}>Read more</a></p>
        """)
