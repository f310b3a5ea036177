"""Stories for the abbreviation component."""

from storyville import Story, Subject

from examples.huge.typography.abbreviation.abbreviation import Abbreviation


def this_subject() -> Subject:
    """The abbreviation and its stories."""
    return Subject(
        title="Abbreviation",
        description="An abbreviation with its expansion, spelled out on first use if asked.",
        target=Abbreviation,
        items=[
            Story(title="HTML"),
            Story(
                title="Spelled out first",
                props={
                    "short": "WCAG",
                    "full": "Web Content Accessibility Guidelines",
                    "expand_first": True,
                },
            ),
            Story(title="A unit", props={"short": "kWh", "full": "kilowatt-hour"}),
        ],
    )
