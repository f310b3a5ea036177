"""The gallery component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Gallery:
    """A grid of lazily loaded thumbnails."""

    images: tuple[tuple[str, str], ...] = (
        ("https://picsum.photos/seed/lake/300/200", "Mountain lake"),
        ("https://picsum.photos/seed/city/300/200", "City at night"),
        ("https://picsum.photos/seed/road/300/200", "Desert road"),
    )
    columns: int = 3

    def __call__(self):
        """Render the gallery."""
        tiles = [
            t'<li><img src={src} alt={alt} loading="lazy" decoding="async" /></li>'
            for src, alt in self.images
        ]
        return html(t'<ul class="gallery" style="--columns: {self.columns}">{tiles}</ul>')
