"""The spinner component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Spinner:
    """An animated loading indicator with a hidden text label."""

    label: str = "Loading"
    size: str = "md"
    inline: bool = False

    def __call__(self):
        """Render the spinner."""
        classes = {"spinner": True, f"spinner-{self.size}": True, "spinner-inline": self.inline}
        return html(t"""
            <span class={classes} role="status">
              <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
                <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor"
                  stroke-width="3" />
              </svg>
              <span class="visually-hidden">{self.label}</span>
            </span>
        """)
