"""Stories for the checkout steps component."""

from storyville import Story, Subject

from examples.huge.commerce.checkout_steps.checkout_steps import CheckoutSteps


def this_subject() -> Subject:
    """The checkout steps and its stories."""
    return Subject(
        title="Checkout steps",
        description="Where the shopper is in checkout; finished steps link back.",
        target=CheckoutSteps,
        items=[
            Story(title="Shipping"),
            Story(title="Payment", props={"current": "Payment"}),
            Story(title="Express checkout", props={"steps": ("Basket", "Pay"), "current": "Pay"}),
        ],
    )
