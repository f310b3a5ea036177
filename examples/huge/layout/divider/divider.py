"""The divider component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Divider:
    """A separator line, optionally labelled or vertical."""

    label: str | None = None
    vertical: bool = False

    def __call__(self):
        """Render the divider."""
        orientation = "vertical" if self.vertical else "horizontal"
        if self.label:
            return html(t"""
                <div class="divider labelled" role="separator" aria-orientation={orientation}>
                  <span>{self.label}</span>
                </div>
            """)
        return html(t'<hr class="divider" aria-orientation={orientation} />')
