"""The image comparison component."""

from dataclasses import dataclass

from tdom import html

from examples.huge.placeholders import picture


@dataclass
class ImageComparison:
    """Two pictures on top of each other, with a slider to reveal the second."""

    before: str = picture("Before", 800, 500, "#7d7468")
    after: str = picture("After", 800, 500, "#4f7a5a")
    position: int = 50
    label: str = "Before and after"

    def __call__(self):
        """Render the image comparison."""
        return html(t"""
            <figure class="compare" style="--position: {self.position}%"
              aria-label={self.label}>
              <img src={self.before} alt="Before" />
              <img class="after" src={self.after} alt="After" />
              <input type="range" min="0" max="100" value={self.position} aria-label="Reveal" />
            </figure>
        """)
