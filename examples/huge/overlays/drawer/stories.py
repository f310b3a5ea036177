"""Stories for the drawer component."""

from storyville import Story, Subject

from examples.huge.overlays.drawer.drawer import Drawer


def this_subject() -> Subject:
    """The drawer and its stories."""
    return Subject(
        title="Drawer",
        description="A panel that slides in from the side of the screen.",
        target=Drawer,
        items=[
            Story(title="Menu on the left"),
            Story(
                title="Basket on the right",
                props={
                    "title": "Your basket",
                    "side": "right",
                    "items": ("Linen shirt × 1", "Canvas tote × 2"),
                },
            ),
            Story(title="Hidden", props={"expanded": False}),
        ],
    )
