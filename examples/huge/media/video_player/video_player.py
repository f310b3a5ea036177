"""The video player component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class VideoPlayer:
    """A native video player with a poster, captions and a fallback link."""

    src: str = "https://example.com/media/intro.mp4"
    poster: str | None = None
    captions: str | None = None
    autoplay: bool = False
    loop: bool = False

    def __call__(self):
        """Render the video player."""
        track = (
            t'<track kind="captions" src={self.captions} srclang="en" default />'
            if self.captions
            else ""
        )
        return html(t"""
            <video class="video-player" controls poster={self.poster} autoplay={self.autoplay}
              muted={self.autoplay} loop={self.loop} playsinline>
              <source src={self.src} type="video/mp4" />
              {track}
              Your browser cannot play this video. <a href={self.src}>Download it</a>.
            </video>
        """)
