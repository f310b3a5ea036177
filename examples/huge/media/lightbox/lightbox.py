"""The lightbox component."""

from dataclasses import dataclass

from tdom import html

from examples.huge.placeholders import picture


@dataclass
class Lightbox:
    """A full-screen view of one picture from a series."""

    src: str = picture("Sailing boat", 1200, 800, "#c2703d")
    alt: str = "Sailing boat at sunset"
    caption: str | None = None
    expanded: bool = True
    index: int = 1
    total: int = 1

    def __call__(self):
        """Render the lightbox."""
        position = f"{self.index} / {self.total}"
        counter = t'<span class="counter">{position}</span>' if self.total > 1 else ""
        caption = t"<figcaption>{self.caption}</figcaption>" if self.caption else ""
        return html(t"""
            <dialog class="lightbox" open={self.expanded} aria-label={self.alt}>
              <button type="button" class="close" aria-label="Close">×</button>
              <figure><img src={self.src} alt={self.alt} />{caption}</figure>
              {counter}
            </dialog>
        """)
