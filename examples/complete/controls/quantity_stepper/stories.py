from storyville import Story, Subject

from examples.complete.controls.quantity_stepper.quantity_stepper import quantity_stepper


def less_is_disabled(el: object) -> None:
    """At the minimum, the "one fewer" button is disabled."""
    assert 'class="stepper__less" aria-label="One fewer" disabled' in str(el)


def more_is_enabled(el: object) -> None:
    """Below the maximum, the "one more" button still works."""
    assert 'aria-label="One more">' in str(el), "the + button should be enabled"


def this_subject() -> Subject:
    """Stories for the quantity stepper."""
    return Subject(
        title="Quantity stepper",
        description="Pick how many: a number input with − and + buttons that respect the limits.",
        target=quantity_stepper,
        items=[
            Story(
                title="One flat white",
                description="The starting state: the − button is disabled at the minimum.",
                props={"name": "flat_white", "label": "Flat whites"},
                assertions=[less_is_disabled, more_is_enabled],
            ),
            Story(
                title="A box of macarons",
                props={"name": "macarons", "label": "Macarons", "value": 6, "maximum": 24},
            ),
            Story(
                title="At the limit",
                description="Only twelve pastries per order — the + button is disabled.",
                props={"name": "pastries", "label": "Pastries", "value": 12, "maximum": 12},
            ),
        ],
    )
