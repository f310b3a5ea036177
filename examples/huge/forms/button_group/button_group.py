"""The button group component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class ButtonGroup:
    """A row of joined toggle buttons where exactly one is pressed."""

    labels: tuple[str, ...] = ("Day", "Week", "Month")
    selected: int = 0
    label: str = "View"

    def __call__(self):
        """Render the button group."""
        buttons = []
        for index, text in enumerate(self.labels):
            pressed = {"pressed": index == self.selected}
            buttons.append(t'<button type="button" aria={pressed}>{text}</button>')
        return html(t"""
            <div class="btn-group" role="group" aria-label={self.label}>{buttons}</div>
        """)
