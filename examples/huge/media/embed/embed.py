"""The embed component."""

from dataclasses import dataclass

from tdom import html

from examples.huge.placeholders import page


@dataclass
class Embed:
    """An iframe for third-party content, at a fixed aspect ratio."""

    src: str = page("A map of central Lisbon")
    title: str = "Map of central Lisbon"
    aspect: str = "16 / 9"
    allow_fullscreen: bool = True

    def __call__(self):
        """Render the embed."""
        return html(t"""
            <div class="embed" style="aspect-ratio: {self.aspect}">
              <iframe src={self.src} title={self.title} loading="lazy"
                allowfullscreen={self.allow_fullscreen} referrerpolicy="no-referrer"></iframe>
            </div>
        """)
