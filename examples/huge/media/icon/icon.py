"""The icon component."""

from dataclasses import dataclass

from tdom import html

PATHS = {
    "star": "M12 2l3 7h7l-5.5 4.5L18 21l-6-4-6 4 1.5-7.5L2 9h7z",
    "check": "M4 12l5 5L20 6",
    "close": "M5 5l14 14M19 5L5 19",
    "menu": "M3 6h18M3 12h18M3 18h18",
}


@dataclass
class Icon:
    """An SVG icon from a small built-in set, decorative unless labelled."""

    name: str = "star"
    size: int = 24
    label: str | None = None

    def __call__(self):
        """Render the icon."""
        role = "img" if self.label else None
        hidden = None if self.label else "true"
        return html(t"""
            <svg class="icon icon-{self.name}" width={self.size} height={self.size}
              viewBox="0 0 24 24" role={role} aria-label={self.label} aria-hidden={hidden}
              fill="none" stroke="currentColor" stroke-width="2">
              <path d={PATHS[self.name]} />
            </svg>
        """)
