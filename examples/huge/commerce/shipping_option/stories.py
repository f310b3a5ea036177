"""Stories for the shipping option component."""

from storyville import Story, Subject

from examples.huge.commerce.shipping_option.shipping_option import ShippingOption


def this_subject() -> Subject:
    """The shipping option and its stories."""
    return Subject(
        title="Shipping option",
        description="Delivery choices as radio buttons, each with its speed and cost.",
        target=ShippingOption,
        items=[
            Story(title="Standard"),
            Story(title="Express", props={"selected": "Express"}),
            Story(
                title="Pickup only",
                props={"options": (("Pickup", "Ready in 2 hours", 0.0),), "selected": "Pickup"},
            ),
        ],
    )
