"""Stories for the radio group component."""

from storyville import Story, Subject

from examples.huge.inputs.radio_group.radio_group import RadioGroup


def this_subject() -> Subject:
    """The radio group and its stories."""
    return Subject(
        title="Radio group",
        description="A set of mutually exclusive options under a legend.",
        target=RadioGroup,
        items=[
            Story(title="Sizes"),
            Story(
                title="Delivery speed",
                props={
                    "name": "speed",
                    "legend": "Delivery",
                    "options": (("std", "Standard (3–5 days)"), ("exp", "Express (1–2 days)")),
                    "value": "exp",
                    "inline": False,
                },
            ),
            Story(
                title="Yes or no",
                props={
                    "name": "first_order",
                    "legend": "Is this your first order?",
                    "options": (("yes", "Yes"), ("no", "No")),
                    "value": "no",
                },
            ),
        ],
    )
