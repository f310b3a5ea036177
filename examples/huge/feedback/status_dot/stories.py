"""Stories for the status dot component."""

from storyville import Story, Subject

from examples.huge.feedback.status_dot.status_dot import StatusDot


def this_subject() -> Subject:
    """The status dot and its stories."""
    return Subject(
        title="Status dot",
        description="A coloured dot and a word for someone's availability.",
        target=StatusDot,
        items=[
            Story(title="Online"),
            Story(title="Away, with a note", props={"status": "away", "label": "In a meeting"}),
            Story(title="Offline", props={"status": "offline"}),
        ],
    )
