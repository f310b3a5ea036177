"""Stories for the sparkline component."""

from storyville import Story, Subject

from examples.huge.data_display.sparkline.sparkline import Sparkline


def this_subject() -> Subject:
    """The sparkline and its stories."""
    return Subject(
        title="Sparkline",
        description="A tiny line chart of a series of numbers, drawn in SVG.",
        target=Sparkline,
        items=[
            Story(title="Weekly signups"),
            Story(title="Flat", props={"values": (5, 5, 5, 5), "label": "Error rate"}),
            Story(
                title="Wide",
                props={
                    "values": (12, 9, 14, 20, 18, 25, 31, 28, 35),
                    "width": 240,
                    "height": 48,
                    "label": "Revenue, last 9 months",
                },
            ),
        ],
    )
