"""Stories for the timeline component."""

from storyville import Story, Subject

from examples.huge.data_display.timeline.timeline import Timeline


def this_subject() -> Subject:
    """The timeline and its stories."""
    return Subject(
        title="Timeline",
        description="Events in order, each with its time.",
        target=Timeline,
        items=[
            Story(title="Order history"),
            Story(title="Newest first", props={"newest_first": True}),
            Story(
                title="Company milestones",
                props={
                    "events": (
                        ("2019", "Founded in a garage"),
                        ("2021", "First 1,000 customers"),
                        ("2023", "Series A"),
                        ("2025", "Profitable"),
                    ),
                },
            ),
        ],
    )
