"""The fieldset component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Fieldset:
    """A group of checkboxes under a legend."""

    legend: str = "Notifications"
    name: str = "notify"
    options: tuple[str, ...] = ("Email", "SMS", "Push")
    checked: tuple[str, ...] = ("Email",)
    disabled: bool = False

    def __call__(self):
        """Render the fieldset."""
        boxes = [
            t"""<label><input type="checkbox" name={self.name} value={option.lower()}
                checked={option in self.checked} /> {option}</label>"""
            for option in self.options
        ]
        return html(t"""
            <fieldset disabled={self.disabled}>
              <legend>{self.legend}</legend>
              {boxes}
            </fieldset>
        """)
