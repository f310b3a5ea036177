"""The timeline component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Timeline:
    """Events in order, each with its time."""

    events: tuple[tuple[str, str], ...] = (
        ("09:12", "Order placed"),
        ("09:15", "Payment confirmed"),
        ("11:40", "Shipped"),
    )
    newest_first: bool = False

    def __call__(self):
        """Render the timeline."""
        events = reversed(self.events) if self.newest_first else iter(self.events)
        items = [t"<li><time>{when}</time> <p>{what}</p></li>" for when, what in events]
        return html(t'<ol class="timeline" reversed={self.newest_first}>{items}</ol>')
