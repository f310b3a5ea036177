"""The meter component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Meter:
    """A gauge for a measurement within a known range, like disk usage."""

    label: str = "Disk usage"
    value: float = 0.42
    low: float = 0.5
    high: float = 0.8
    optimum: float = 0.2

    def __call__(self):
        """Render the meter."""
        percent = f"{self.value:.0%}"
        return html(t"""
            <div class="meter">
              <label>{self.label}
                <meter value={self.value} low={self.low} high={self.high}
                  optimum={self.optimum}>
                  {percent}
                </meter>
              </label>
              <span>{percent}</span>
            </div>
        """)
