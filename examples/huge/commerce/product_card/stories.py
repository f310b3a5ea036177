"""Stories for the product card component."""

from storyville import Story, Subject

from examples.huge.commerce.product_card.product_card import ProductCard
from examples.huge.placeholders import picture


def this_subject() -> Subject:
    """The product card and its stories."""
    return Subject(
        title="Product card",
        description="A product in a listing: picture, name, rating, price and add to cart.",
        target=ProductCard,
        items=[
            Story(title="Running shoe"),
            Story(
                title="New arrival",
                props={
                    "name": "Merino beanie",
                    "price": 35.0,
                    "rating": 5.0,
                    "reviews": 12,
                    "badge": "New",
                    "image": picture("Beanie", 400, 400, "#8c5b3b"),
                },
            ),
            Story(title="Sold out", props={"badge": "Last season", "in_stock": False}),
        ],
    )
