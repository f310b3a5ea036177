"""Stories for the gallery component."""

from storyville import Story, Subject

from examples.huge.media.gallery.gallery import Gallery
from examples.huge.placeholders import picture


def this_subject() -> Subject:
    """The gallery and its stories."""
    return Subject(
        title="Gallery",
        description="A grid of lazily loaded thumbnails.",
        target=Gallery,
        items=[
            Story(title="Three pictures"),
            Story(title="Two columns", props={"columns": 2}),
            Story(
                title="A single picture",
                props={
                    "images": ((picture("Fjord", 600, 400, "#2f6b5e"), "Aurora over a fjord"),),
                    "columns": 1,
                },
            ),
        ],
    )
