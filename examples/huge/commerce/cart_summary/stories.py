"""Stories for the cart summary component."""

from storyville import Story, Subject

from examples.huge.commerce.cart_summary.cart_summary import CartSummary


def adds_it_all_up(el: object) -> None:
    """118.00 + 4.95 shipping + 20% VAT on 118.00 = 146.55."""
    markup = str(el)
    assert "<strong>€146.55</strong>" in markup, "expected a total of €146.55"


def lists_the_discount(el: object) -> None:
    """The discount shows as a negative amount."""
    markup = str(el)
    assert "-€24.00" in markup, "expected a -€24.00 discount line"


def ships_for_free(el: object) -> None:
    """Zero shipping reads as Free."""
    markup = str(el)
    assert "<dd>Free</dd>" in markup, "expected free shipping"


def this_subject() -> Subject:
    """The cart summary and its stories."""
    return Subject(
        title="Cart summary",
        description="The order totals: subtotal, shipping, discount, VAT and the total to pay.",
        target=CartSummary,
        items=[
            Story(title="Standard", assertions=[adds_it_all_up]),
            Story(
                title="Discounted, free shipping",
                props={"subtotal": 240.0, "shipping": 0.0, "discount": 24.0},
                assertions=[lists_the_discount, ships_for_free],
            ),
            Story(
                title="Outside the EU",
                description="No VAT is charged on exports.",
                props={"subtotal": 59.0, "shipping": 9.9, "tax_rate": 0.0},
            ),
        ],
    )
