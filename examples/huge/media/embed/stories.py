"""Stories for the embed component."""

from storyville import Story, Subject

from examples.huge.media.embed.embed import Embed
from examples.huge.placeholders import page


def this_subject() -> Subject:
    """The embed and its stories."""
    return Subject(
        title="Embed",
        description="An iframe for third-party content, at a fixed aspect ratio.",
        target=Embed,
        items=[
            Story(title="Map"),
            Story(
                title="Video",
                props={
                    "src": page("The product tour video"),
                    "title": "Product tour",
                },
            ),
            Story(
                title="Square demo",
                props={
                    "src": page("A live demo"),
                    "title": "Live demo",
                    "aspect": "1 / 1",
                    "allow_fullscreen": False,
                },
            ),
        ],
    )
