"""Stories for the stack component."""

from storyville import Story, Subject

from examples.huge.layout.stack.stack import Stack


def this_subject() -> Subject:
    """The stack and its stories."""
    return Subject(
        title="Stack",
        description="Children in a row or a column with even spacing.",
        target=Stack,
        items=[
            Story(title="Vertical"),
            Story(
                title="Horizontal, centred",
                props={
                    "direction": "horizontal",
                    "gap": 16,
                    "align": "center",
                    "items": ("Logo", "Search", "Account"),
                },
            ),
            Story(
                title="Divided list",
                props={"items": ("Inbox", "Starred", "Sent", "Trash"), "gap": 0, "divided": True},
            ),
        ],
    )
