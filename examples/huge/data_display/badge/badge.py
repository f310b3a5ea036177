"""The badge component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Badge:
    """A small label for a status or a count."""

    text: str = "New"
    tone: str = "neutral"
    pill: bool = False
    count: int | None = None

    def __call__(self):
        """Render the badge."""
        classes = {"badge": True, f"badge-{self.tone}": True, "badge-pill": self.pill}
        count = t' <span class="badge-count">{self.count}</span>'
        number = count if self.count is not None else ""
        return html(t"<span class={classes}>{self.text}{number}</span>")
