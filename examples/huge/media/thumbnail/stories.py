"""Stories for the thumbnail component."""

from storyville import Story, Subject

from examples.huge.media.thumbnail.thumbnail import Thumbnail
from examples.huge.placeholders import picture


def this_subject() -> Subject:
    """The thumbnail and its stories."""
    return Subject(
        title="Thumbnail",
        description="A video thumbnail with its duration and how much has been watched.",
        target=Thumbnail,
        items=[
            Story(title="Not watched"),
            Story(title="Half watched", props={"watched": 0.5}),
            Story(
                title="Short clip",
                props={
                    "src": picture("Snow", 320, 180, "#8aa1b8"),
                    "title": "Cat discovers snow",
                    "duration": "0:47",
                },
            ),
        ],
    )
