"""Stories for the icon component."""

from storyville import Story, Subject

from examples.huge.media.icon.icon import Icon


def this_subject() -> Subject:
    """The icon and its stories."""
    return Subject(
        title="Icon",
        description="An SVG icon from a small built-in set, decorative unless labelled.",
        target=Icon,
        items=[
            Story(title="Decorative star"),
            Story(
                title="Labelled check",
                description="When an icon carries meaning on its own, it gets a label.",
                props={"name": "check", "size": 16, "label": "Done"},
            ),
            Story(title="Large menu", props={"name": "menu", "size": 48}),
        ],
    )
