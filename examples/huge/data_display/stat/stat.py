"""The stat component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Stat:
    """A key figure with its change since the last period."""

    label: str = "Monthly revenue"
    value: str = "€48,200"
    delta: float | None = 12.5
    period: str = "vs last month"

    def __call__(self):
        """Render the stat."""
        change = ""
        if self.delta is not None:
            direction, arrow = ("up", "▲") if self.delta >= 0 else ("down", "▼")
            text = f"{arrow} {abs(self.delta):g}% {self.period}"
            change = t'<p class="delta delta-{direction}">{text}</p>'
        return html(t"""
            <div class="stat">
              <p class="stat-label">{self.label}</p>
              <p class="stat-value">{self.value}</p>
              {change}
            </div>
        """)
