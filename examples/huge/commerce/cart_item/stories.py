"""Stories for the cart item component."""

from storyville import Story, Subject

from examples.huge.commerce.cart_item.cart_item import CartItem
from examples.huge.placeholders import picture


def this_subject() -> Subject:
    """The cart item and its stories."""
    return Subject(
        title="Cart item",
        description="One line of the shopping cart: picture, name, quantity and line total.",
        target=CartItem,
        items=[
            Story(title="One shirt"),
            Story(
                title="Three mugs",
                props={
                    "name": "Stoneware mug",
                    "variant": "Glaze: Moss",
                    "unit_price": 18.5,
                    "quantity": 3,
                    "image": picture("Mug", 96, 96, "#5e7d5a"),
                },
            ),
            Story(
                title="Gift card",
                props={
                    "name": "Gift card",
                    "variant": "Delivered by email",
                    "unit_price": 100.0,
                    "image": picture("Gift", 96, 96, "#a4343a"),
                },
            ),
        ],
    )
