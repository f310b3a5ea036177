"""The thumbnail component."""

from dataclasses import dataclass

from tdom import html

from examples.huge.placeholders import picture


@dataclass
class Thumbnail:
    """A video thumbnail with its duration and how much has been watched."""

    src: str = picture("Talk", 320, 180)
    title: str = "Designing with constraints"
    duration: str = "12:34"
    watched: float = 0

    def __call__(self):
        """Render the thumbnail."""
        width = f"width: {self.watched:.0%}"
        progress = t'<span class="watched" style={width}></span>' if self.watched else ""
        return html(t"""
            <a class="thumbnail" href="#">
              <img src={self.src} alt="" width="320" height="180" />
              <span class="duration">{self.duration}</span>
              {progress}
              <span class="thumb-title">{self.title}</span>
            </a>
        """)
