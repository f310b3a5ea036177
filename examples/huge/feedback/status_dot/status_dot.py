"""The status dot component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class StatusDot:
    """A coloured dot and a word for someone's availability."""

    status: str = "online"
    label: str | None = None

    def __call__(self):
        """Render the status dot."""
        text = self.label or self.status.capitalize()
        return html(t"""
            <span class="status status-{self.status}">
              <span class="dot" aria-hidden="true"></span>{text}
            </span>
        """)
