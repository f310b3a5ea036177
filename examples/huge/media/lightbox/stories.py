"""Stories for the lightbox component."""

from storyville import Story, Subject

from examples.huge.media.lightbox.lightbox import Lightbox
from examples.huge.placeholders import picture


def counts_the_series(el: object) -> None:
    """The position in the series is shown."""
    markup = str(el)
    assert "3 / 12" in markup, "expected 3 / 12"


def this_subject() -> Subject:
    """The lightbox and its stories."""
    return Subject(
        title="Lightbox",
        description="A full-screen view of one picture from a series.",
        target=Lightbox,
        items=[
            Story(title="Single picture"),
            Story(title="With a caption", props={"caption": "Taken off the coast of Brittany."}),
            Story(
                title="In a series",
                props={
                    "src": picture("Rooftops", 1200, 800, "#9a4f3c"),
                    "alt": "Old town rooftops",
                    "index": 3,
                    "total": 12,
                },
                assertions=[counts_the_series],
            ),
        ],
    )
