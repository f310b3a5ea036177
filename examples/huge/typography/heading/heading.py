"""The heading component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Heading:
    """A heading at a chosen level, with an optional eyebrow and anchor link."""

    text: str = "Chapter one"
    level: int = 2
    eyebrow: str | None = None
    anchor: str | None = None

    def __call__(self):
        """Render the heading."""
        link = (
            t' <a class="anchor" href="#{self.anchor}" aria-label="Link to this section">#</a>'
            if self.anchor
            else ""
        )
        content = t"{self.text}{link}"
        match self.level:
            case 1:
                heading = t"<h1 id={self.anchor}>{content}</h1>"
            case 2:
                heading = t"<h2 id={self.anchor}>{content}</h2>"
            case 3:
                heading = t"<h3 id={self.anchor}>{content}</h3>"
            case _:
                heading = t"<h4 id={self.anchor}>{content}</h4>"
        kicker = t'<p class="eyebrow">{self.eyebrow}</p>' if self.eyebrow else ""
        return html(t'<hgroup class="heading">{kicker}{heading}</hgroup>')
