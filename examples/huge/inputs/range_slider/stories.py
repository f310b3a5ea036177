"""Stories for the range slider component."""

from storyville import Story, Subject

from examples.huge.inputs.range_slider.range_slider import RangeSlider


def this_subject() -> Subject:
    """The range slider and its stories."""
    return Subject(
        title="Range slider",
        description="A slider for picking a number within bounds, showing the current value.",
        target=RangeSlider,
        items=[
            Story(title="Volume"),
            Story(
                title="Price cap",
                props={
                    "name": "max_price",
                    "label": "Maximum price",
                    "value": 250,
                    "maximum": 1000,
                    "step": 50,
                    "unit": " €",
                },
            ),
            Story(
                title="Minimum rating",
                props={
                    "name": "stars",
                    "label": "Minimum rating",
                    "value": 4,
                    "minimum": 1,
                    "maximum": 5,
                    "unit": "★",
                },
            ),
        ],
    )
