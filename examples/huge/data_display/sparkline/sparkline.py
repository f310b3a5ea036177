"""The sparkline component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Sparkline:
    """A tiny line chart of a series of numbers, drawn in SVG."""

    values: tuple[float, ...] = (3, 5, 4, 8, 6, 9, 7)
    width: int = 120
    height: int = 32
    label: str = "Weekly signups"

    def __call__(self):
        """Render the sparkline."""
        low, high = min(self.values), max(self.values)
        spread = (high - low) or 1
        step = self.width / max(len(self.values) - 1, 1)
        points = " ".join(
            f"{index * step:.1f},{self.height - (value - low) / spread * self.height:.1f}"
            for index, value in enumerate(self.values)
        )
        return html(t"""
            <svg class="sparkline" role="img" aria-label={self.label} width={self.width}
              height={self.height} viewBox="0 0 {self.width} {self.height}">
              <polyline points={points} fill="none" stroke="currentColor" stroke-width="2" />
            </svg>
        """)
