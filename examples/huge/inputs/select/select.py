"""The select component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Select:
    """A drop-down list with a placeholder option."""

    name: str = "country"
    label: str = "Country"
    options: tuple[str, ...] = ("France", "Germany", "Japan")
    selected: str | None = None
    placeholder: str = "Choose…"
    disabled: bool = False

    def __call__(self):
        """Render the select."""
        choices = [
            t"<option value={option} selected={option == self.selected}>{option}</option>"
            for option in self.options
        ]
        return html(t"""
            <label class="select">
              {self.label}
              <select name={self.name} disabled={self.disabled}>
                <option value="" disabled selected={self.selected is None}>
                  {self.placeholder}
                </option>
                {choices}
              </select>
            </label>
        """)
