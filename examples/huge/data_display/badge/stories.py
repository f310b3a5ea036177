"""Stories for the badge component."""

from storyville import Story, Subject

from examples.huge.data_display.badge.badge import Badge


def this_subject() -> Subject:
    """The badge and its stories."""
    return Subject(
        title="Badge",
        description="A small label for a status or a count.",
        target=Badge,
        items=[
            Story(title="New"),
            Story(title="Paid", props={"text": "Paid", "tone": "success", "pill": True}),
            Story(title="With a count", props={"text": "Inbox", "tone": "info", "count": 24}),
        ],
    )
