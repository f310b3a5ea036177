"""Stories for the price tag component."""

from storyville import Story, Subject

from examples.huge.commerce.price_tag.price_tag import PriceTag


def strikes_the_old_price(el: object) -> None:
    """The earlier price is struck through."""
    markup = str(el)
    assert "<del>€79.00</del>" in markup, "the old price is not struck through"


def shows_the_saving(el: object) -> None:
    """The saving is rounded to a whole percentage."""
    markup = str(el)
    assert "−25%" in markup, "expected a 25% saving"


def this_subject() -> Subject:
    """The price tag and its stories."""
    return Subject(
        title="Price tag",
        description="A price, struck through and discounted when on sale, optionally per unit.",
        target=PriceTag,
        items=[
            Story(title="Regular price"),
            Story(
                title="On sale",
                props={"amount": 59.0, "compare_at": 79.0},
                assertions=[strikes_the_old_price, shows_the_saving],
            ),
            Story(title="Per kilogram", props={"amount": 3.49, "currency": "£", "unit": "kg"}),
        ],
    )
