"""Stories for the bullet list component."""

from storyville import Story, Subject

from examples.huge.typography.bullet_list.bullet_list import BulletList


def this_subject() -> Subject:
    """The bullet list and its stories."""
    return Subject(
        title="Bullet list",
        description="A bulleted or numbered list.",
        target=BulletList,
        items=[
            Story(title="Ingredients"),
            Story(
                title="Method",
                props={
                    "items": (
                        "Preheat the oven to 180 °C",
                        "Cream the butter and sugar",
                        "Fold in the flour",
                        "Bake for 25 minutes",
                    ),
                    "ordered": True,
                },
            ),
            Story(
                title="Continued numbering",
                props={
                    "items": ("Let it cool", "Serve"),
                    "ordered": True,
                    "start": 5,
                    "compact": True,
                },
            ),
        ],
    )
