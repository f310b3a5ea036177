"""Stories for the popover component."""

from storyville import Story, Subject

from examples.huge.overlays.popover.popover import Popover


def this_subject() -> Subject:
    """The popover and its stories."""
    return Subject(
        title="Popover",
        description="A panel of choices opened by a button, using the HTML popover attribute.",
        target=Popover,
        items=[
            Story(title="Share"),
            Story(
                title="Filters",
                props={
                    "trigger": "Filter",
                    "title": "Filter by status",
                    "links": ("Open", "In progress", "Done", "Archived"),
                    "popover_id": "filters",
                },
            ),
            Story(
                title="Help",
                props={
                    "trigger": "?",
                    "title": "Need help?",
                    "links": ("Documentation", "Contact support"),
                    "popover_id": "help",
                },
            ),
        ],
    )
