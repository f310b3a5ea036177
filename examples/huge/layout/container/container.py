"""The container component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Container:
    """Centres content and caps its width for comfortable reading."""

    max_width: str = "72rem"
    padding: str = "1.5rem"
    content: str = "Page content goes here."
    centered: bool = True

    def __call__(self):
        """Render the container."""
        style = {"max-width": self.max_width, "padding-inline": self.padding}
        if self.centered:
            style["margin-inline"] = "auto"
        return html(t'<div class="container" style={style}><p>{self.content}</p></div>')
