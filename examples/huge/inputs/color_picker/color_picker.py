"""The color picker component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class ColorPicker:
    """A row of colour swatches that work like radio buttons."""

    name: str = "accent"
    label: str = "Accent colour"
    swatches: tuple[str, ...] = ("#e11d48", "#f59e0b", "#10b981", "#3b82f6")
    value: str = "#3b82f6"

    def __call__(self):
        """Render the color picker."""
        choices = [
            t"""<label class="swatch" style="background: {colour}">
                <input type="radio" name={self.name} value={colour}
                  checked={colour == self.value} aria-label={colour} />
              </label>"""
            for colour in self.swatches
        ]
        return html(t"""
            <fieldset class="color-picker">
              <legend>{self.label}</legend>
              {choices}
            </fieldset>
        """)
