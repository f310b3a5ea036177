"""The checkout steps component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class CheckoutSteps:
    """Where the shopper is in checkout; finished steps link back."""

    steps: tuple[str, ...] = ("Cart", "Shipping", "Payment", "Review")
    current: str = "Shipping"

    def __call__(self):
        """Render the checkout steps."""
        position = self.steps.index(self.current)
        items = []
        for index, step in enumerate(self.steps):
            if index < position:
                items.append(t'<li class="done"><a href="#{step.lower()}">{step}</a></li>')
            elif index == position:
                items.append(t'<li class="current" aria-current="step">{step}</li>')
            else:
                items.append(t'<li class="upcoming">{step}</li>')
        return html(t'<ol class="checkout-steps" aria-label="Checkout progress">{items}</ol>')
