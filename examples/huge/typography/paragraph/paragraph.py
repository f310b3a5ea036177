"""The paragraph component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Paragraph:
    """Body text, with lead and muted variants."""

    text: str = "Typography gives human language a durable visual form."
    lead: bool = False
    muted: bool = False
    align: str = "start"

    def __call__(self):
        """Render the paragraph."""
        classes = {"lead": self.lead, "muted": self.muted, f"text-{self.align}": True}
        return html(t"<p class={classes}>{self.text}</p>")
