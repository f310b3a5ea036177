"""Stories for the bottom sheet component."""

from storyville import Story, Subject

from examples.huge.overlays.bottom_sheet.bottom_sheet import BottomSheet


def this_subject() -> Subject:
    """The bottom sheet and its stories."""
    return Subject(
        title="Bottom sheet",
        description="A mobile sheet that slides up from the bottom with a list of choices.",
        target=BottomSheet,
        items=[
            Story(title="Sort"),
            Story(title="Cheapest first", props={"selected": "Price: low to high"}),
            Story(
                title="Share sheet",
                props={
                    "title": "Share via",
                    "options": ("Messages", "Mail", "Copy link"),
                    "selected": "",
                },
            ),
        ],
    )
