"""Stories for the meter component."""

from storyville import Story, Subject

from examples.huge.feedback.meter.meter import Meter


def passes_the_value(el: object) -> None:
    """The meter gets the raw value; the text shows a percentage."""
    markup = str(el)
    assert 'value="0.42"' in markup and "42%" in markup, "expected value=0.42 and 42%"


def this_subject() -> Subject:
    """The meter and its stories."""
    return Subject(
        title="Meter",
        description="A gauge for a measurement within a known range, like disk usage.",
        target=Meter,
        items=[
            Story(title="Disk usage", assertions=[passes_the_value]),
            Story(title="Nearly full", props={"label": "Storage", "value": 0.93}),
            Story(
                title="Battery",
                description="Here higher is better, so the optimum is at the top.",
                props={"label": "Battery", "value": 0.15, "low": 0.2, "high": 0.6, "optimum": 1.0},
            ),
        ],
    )
