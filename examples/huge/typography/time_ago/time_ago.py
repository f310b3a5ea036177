"""The time ago component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class TimeAgo:
    """A relative time, with the exact timestamp machine-readable and on hover."""

    iso: str = "2025-05-04T09:30:00Z"
    relative: str = "3 hours ago"
    prefix: str | None = None

    def __call__(self):
        """Render the time ago."""
        prefix = t"{self.prefix} " if self.prefix else ""
        return html(t"""
            <span class="time-ago">
              {prefix}<time datetime={self.iso} title={self.iso}>{self.relative}</time>
            </span>
        """)
