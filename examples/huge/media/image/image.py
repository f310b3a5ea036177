"""The image component."""

from dataclasses import dataclass

from tdom import html

from examples.huge.placeholders import picture


@dataclass
class Image:
    """A responsive image with explicit dimensions and an optional caption."""

    src: str = picture("Misty forest", 640, 360, "#4f6f5a")
    alt: str = "A misty forest at dawn"
    width: int = 640
    height: int = 360
    caption: str | None = None
    lazy: bool = True

    def __call__(self):
        """Render the image."""
        loading = "lazy" if self.lazy else "eager"
        img = t"""<img src={self.src} alt={self.alt} width={self.width} height={self.height}
            loading={loading} decoding="async" />"""
        if not self.caption:
            return html(img)
        return html(t"<figure>{img}<figcaption>{self.caption}</figcaption></figure>")
