"""Stories for the wishlist button component."""

from storyville import Story, Subject

from examples.huge.commerce.wishlist_button.wishlist_button import WishlistButton


def is_not_pressed(el: object) -> None:
    """An unsaved product's toggle is not pressed."""
    markup = str(el)
    assert 'aria-pressed="false"' in markup, "expected aria-pressed=false"


def is_pressed(el: object) -> None:
    """A saved product's toggle is pressed, and says how to undo."""
    markup = str(el)
    assert 'aria-pressed="true"' in markup and "Remove Trail" in markup, "expected a pressed toggle"


def this_subject() -> Subject:
    """The wishlist button and its stories."""
    return Subject(
        title="Wishlist button",
        description="A heart toggle that saves a product, with an optional save count.",
        target=WishlistButton,
        items=[
            Story(title="Not saved", assertions=[is_not_pressed]),
            Story(title="Saved", props={"saved": True}, assertions=[is_pressed]),
            Story(
                title="Saved by many",
                props={"saved": True, "count": 1284, "product": "Merino beanie"},
            ),
        ],
    )
