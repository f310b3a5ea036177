"""The audio player component."""

from dataclasses import dataclass

from tdom import html

from examples.huge.placeholders import silence


@dataclass
class AudioPlayer:
    """An audio player captioned with the title, artist and duration."""

    src: str = silence()
    title: str = "Episode 42: Life, the Universe and Everything"
    artist: str = "The Deep Thought Podcast"
    duration: str = "42:00"

    def __call__(self):
        """Render the audio player."""
        return html(t"""
            <figure class="audio-player">
              <figcaption>
                <strong>{self.title}</strong> · {self.artist} <time>{self.duration}</time>
              </figcaption>
              <audio controls preload="none" src={self.src}></audio>
            </figure>
        """)
