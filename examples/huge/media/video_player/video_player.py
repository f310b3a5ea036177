"""The video player component."""

from dataclasses import dataclass

from tdom import html

from examples.huge.placeholders import picture


@dataclass
class VideoPlayer:
    """A native video player with a poster, captions and a fallback link."""

    src: str | None = None
    poster: str = picture("Intro video", 640, 360, "#2e3148")
    captions: str | None = None
    autoplay: bool = False
    loop: bool = False

    def __call__(self):
        """Render the video player; without a ``src`` (as in this catalog) only its poster."""
        source = t'<source src={self.src} type="video/mp4" />' if self.src else ""
        track = (
            t'<track kind="captions" src={self.captions} srclang="en" default />'
            if self.captions
            else ""
        )
        fallback = t"<a href={self.src}>Download it</a>." if self.src else ""
        return html(t"""
            <video class="video-player" controls poster={self.poster} autoplay={self.autoplay}
              muted={self.autoplay} loop={self.loop} playsinline width="640" height="360">
              {source}
              {track}
              Your browser cannot play this video. {fallback}
            </video>
        """)
