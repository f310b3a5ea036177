"""Stories for the icon button component."""

from storyville import Story, Subject

from examples.huge.forms.icon_button.icon_button import IconButton


def this_subject() -> Subject:
    """The icon button and its stories."""
    return Subject(
        title="Icon button",
        description="A square button showing only an icon, named for screen readers by a label.",
        target=IconButton,
        items=[
            Story(title="Close"),
            Story(
                title="Toggle, off",
                description="A toggle announces its state with aria-pressed.",
                props={"icon": "☆", "label": "Add to favourites", "pressed": False},
            ),
            Story(
                title="Toggle, on, large",
                props={
                    "icon": "★",
                    "label": "Remove from favourites",
                    "pressed": True,
                    "size": "lg",
                },
            ),
        ],
    )
