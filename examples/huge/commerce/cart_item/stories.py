"""Stories for the cart item component."""

from storyville import Story, Subject

from examples.huge.commerce.cart_item.cart_item import CartItem


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
                    "image": "https://picsum.photos/seed/mug/96/96",
                },
            ),
            Story(
                title="Gift card",
                props={
                    "name": "Gift card",
                    "variant": "Delivered by email",
                    "unit_price": 100.0,
                    "image": "https://picsum.photos/seed/gift/96/96",
                },
            ),
        ],
    )
