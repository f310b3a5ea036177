"""The carousel component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Carousel:
    """Slides shown one at a time, with a dot for each slide."""

    slides: tuple[str, ...] = ("Welcome", "Features", "Pricing")
    current: int = 0
    label: str = "Highlights"

    def __call__(self):
        """Render the carousel."""
        count = len(self.slides)
        panels = [
            t"""<div class="slide" role="group" aria-label="{index + 1} of {count}"
                hidden={index != self.current}>{slide}</div>"""
            for index, slide in enumerate(self.slides)
        ]
        dots = []
        for index in range(count):
            current = {"current": index == self.current}
            dots.append(
                t'<button type="button" aria-label="Slide {index + 1}" aria={current}></button>'
            )
        return html(t"""
            <section class="carousel" aria-roledescription="carousel" aria-label={self.label}>
              <div class="slides">{panels}</div>
              <div class="dots">{dots}</div>
            </section>
        """)
