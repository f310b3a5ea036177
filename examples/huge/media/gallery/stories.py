"""Stories for the gallery component."""

from storyville import Story, Subject

from examples.huge.media.gallery.gallery import Gallery


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
                    "images": (
                        ("https://picsum.photos/seed/fjord/600/400", "Aurora over a fjord"),
                    ),
                    "columns": 1,
                },
            ),
        ],
    )
