"""The date input component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class DateInput:
    """A native date (or date and time) picker with optional bounds."""

    name: str = "date"
    label: str = "Date"
    value: str = ""
    earliest: str | None = None
    latest: str | None = None
    with_time: bool = False

    def __call__(self):
        """Render the date input."""
        kind = "datetime-local" if self.with_time else "date"
        return html(t"""
            <label class="date-input">
              {self.label}
              <input type={kind} name={self.name} value={self.value or None}
                min={self.earliest} max={self.latest} />
            </label>
        """)
