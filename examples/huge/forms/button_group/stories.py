"""Stories for the button group component."""

from storyville import Story, Subject

from examples.huge.forms.button_group.button_group import ButtonGroup


def this_subject() -> Subject:
    """The button group and its stories."""
    return Subject(
        title="Button group",
        description="A row of joined toggle buttons where exactly one is pressed.",
        target=ButtonGroup,
        items=[
            Story(title="Calendar range"),
            Story(
                title="Text alignment",
                props={"labels": ("Left", "Center", "Right"), "selected": 1, "label": "Alignment"},
            ),
            Story(
                title="Two options",
                props={"labels": ("Grid", "List"), "selected": 1, "label": "Layout"},
            ),
        ],
    )
