"""Stories for the coupon input component."""

from storyville import Story, Subject

from examples.huge.commerce.coupon_input.coupon_input import CouponInput


def this_subject() -> Subject:
    """The coupon input and its stories."""
    return Subject(
        title="Coupon input",
        description="A discount code box that shows errors and the applied discount.",
        target=CouponInput,
        items=[
            Story(title="Empty"),
            Story(
                title="Expired code",
                props={"code": "SUMMER", "error": "This code has expired."},
            ),
            Story(title="Applied", props={"code": "WELCOME10", "applied": True}),
        ],
    )
