"""Stories for the image comparison component."""

from storyville import Story, Subject

from examples.huge.media.image_comparison.image_comparison import ImageComparison
from examples.huge.placeholders import picture


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
                    "before": picture("Kitchen, 2019", 800, 500, "#8c7a5b"),
                    "after": picture("Kitchen, 2024", 800, 500, "#5b7fa6"),
                    "position": 30,
                    "label": "Kitchen renovation",
                },
            ),
        ],
    )
