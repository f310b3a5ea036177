"""The gallery component."""

from dataclasses import dataclass

from tdom import html

from examples.huge.placeholders import picture


@dataclass
class Gallery:
    """A grid of lazily loaded thumbnails."""

    images: tuple[tuple[str, str], ...] = (
        (picture("Lake", 300, 200, "#3f6e8c"), "Mountain lake"),
        (picture("City", 300, 200, "#2e3148"), "City at night"),
        (picture("Road", 300, 200, "#b08a4f"), "Desert road"),
    )
    columns: int = 3

    def __call__(self):
        """Render the gallery."""
        tiles = [
            t'<li><img src={src} alt={alt} loading="lazy" decoding="async" /></li>'
            for src, alt in self.images
        ]
        return html(t'<ul class="gallery" style="--columns: {self.columns}">{tiles}</ul>')
