"""Stories for the divider component."""

from storyville import Story, Subject

from examples.huge.layout.divider.divider import Divider


def this_subject() -> Subject:
    """The divider and its stories."""
    return Subject(
        title="Divider",
        description="A separator line, optionally labelled or vertical.",
        target=Divider,
        items=[
            Story(title="Plain"),
            Story(
                title="Labelled",
                description="Between two alternative ways to sign in.",
                props={"label": "or"},
            ),
            Story(title="Vertical", props={"vertical": True}),
        ],
    )
