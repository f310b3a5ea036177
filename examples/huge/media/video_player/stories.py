"""Stories for the video player component."""

from storyville import Story, Subject

from examples.huge.media.video_player.video_player import VideoPlayer
from examples.huge.placeholders import captions, picture


def has_captions(el: object) -> None:
    """A captions track is attached."""
    markup = str(el)
    assert '<track kind="captions"' in markup, "the captions track is missing"


def mutes_autoplay(el: object) -> None:
    """Autoplaying video is muted."""
    markup = str(el)
    assert " muted" in markup, "autoplaying video must be muted"


def this_subject() -> Subject:
    """The video player and its stories."""
    return Subject(
        title="Video player",
        description="A native video player with a poster, captions and a fallback link.",
        target=VideoPlayer,
        items=[
            Story(title="Basic"),
            Story(
                title="With captions",
                props={"captions": captions("Welcome to the tour.")},
                assertions=[has_captions],
            ),
            Story(
                title="Background loop",
                description="Browsers only autoplay muted video, so autoplay implies muted.",
                props={
                    "poster": picture("Waves", 640, 360, "#3f6e8c"),
                    "autoplay": True,
                    "loop": True,
                },
                assertions=[mutes_autoplay],
            ),
        ],
    )
