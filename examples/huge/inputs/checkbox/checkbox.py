"""The checkbox component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Checkbox:
    """A checkbox with a label, an optional description and a mixed state."""

    label: str = "I agree to the terms"
    name: str = "terms"
    checked: bool = False
    mixed: bool = False
    description: str | None = None

    def __call__(self):
        """Render the checkbox."""
        aria = {"checked": "mixed"} if self.mixed else {}
        help_id = f"{self.name}-help" if self.description else None
        note = t"<small id={help_id}>{self.description}</small>" if self.description else ""
        return html(t"""
            <div class="checkbox">
              <input type="checkbox" id={self.name} name={self.name} checked={self.checked}
                aria={aria} aria-describedby={help_id} />
              <label for={self.name}>{self.label}</label>
              {note}
            </div>
        """)
