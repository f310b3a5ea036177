"""A − / + stepper for choosing how many of something to order."""

from tdom import html


def quantity_stepper(
    *,
    name: str = "quantity",
    label: str = "Quantity",
    value: int = 1,
    minimum: int = 1,
    maximum: int = 10,
):
    """Render a number input flanked by "one fewer" and "one more" buttons.

    The buttons disable themselves at the limits, so customers cannot step past them.

    Args:
        name: The form field name.
        label: The accessible name of the whole group.
        value: The current quantity.
        minimum: The smallest allowed quantity.
        maximum: The largest allowed quantity.
    """
    return html(t"""<div class="stepper" role="group" aria-label={label}>
<button type="button" class="stepper__less" aria-label="One fewer" disabled={value <= minimum}>−</button>
<input type="number" name={name} value={value} min={minimum} max={maximum} inputmode="numeric" />
<button type="button" class="stepper__more" aria-label="One more" disabled={value >= maximum}>+</button>
</div>""")
