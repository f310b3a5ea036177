"""The range slider component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class RangeSlider:
    """A slider for picking a number within bounds, showing the current value."""

    name: str = "volume"
    label: str = "Volume"
    value: int = 50
    minimum: int = 0
    maximum: int = 100
    step: int = 1
    unit: str = "%"

    def __call__(self):
        """Render the range slider."""
        return html(t"""
            <label class="range">
              {self.label}
              <input type="range" name={self.name} min={self.minimum} max={self.maximum}
                step={self.step} value={self.value} />
              <output>{self.value}{self.unit}</output>
            </label>
        """)
