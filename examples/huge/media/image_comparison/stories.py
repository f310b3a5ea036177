"""Stories for the image comparison component."""

from storyville import Story, Subject

from examples.huge.media.image_comparison.image_comparison import ImageComparison


def this_subject() -> Subject:
    """The image comparison and its stories."""
    return Subject(
        title="Image comparison",
        description="Two pictures on top of each other, with a slider to reveal the second.",
        target=ImageComparison,
        items=[
            Story(title="Halfway"),
            Story(title="Mostly after", props={"position": 80}),
            Story(
                title="Kitchen renovation",
                props={
                    "before": "/img/kitchen-2019.jpg",
                    "after": "/img/kitchen-2024.jpg",
                    "position": 30,
                    "label": "Kitchen renovation",
                },
            ),
        ],
    )
