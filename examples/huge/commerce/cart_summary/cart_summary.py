"""The cart summary component."""

from dataclasses import dataclass

from tdom import html


def euros(amount: float) -> str:
    """Format an amount of euros, e.g. ``-€24.00``."""
    sign = "-" if amount < 0 else ""
    return f"{sign}€{abs(amount):,.2f}"


@dataclass
class CartSummary:
    """The order totals: subtotal, shipping, discount, VAT and the total to pay."""

    subtotal: float = 118.0
    shipping: float = 4.95
    discount: float = 0.0
    tax_rate: float = 0.2

    def __call__(self):
        """Render the cart summary."""
        tax = (self.subtotal - self.discount) * self.tax_rate
        total = self.subtotal - self.discount + self.shipping + tax
        rows = [("Subtotal", euros(self.subtotal))]
        rows.append(("Shipping", euros(self.shipping) if self.shipping else "Free"))
        if self.discount:
            rows.append(("Discount", euros(-self.discount)))
        rows.append((f"VAT ({self.tax_rate:.0%})", euros(tax)))
        lines = [t"<div><dt>{label}</dt><dd>{amount}</dd></div>" for label, amount in rows]
        return html(t"""
            <section class="cart-summary" aria-label="Order summary">
              <dl>{lines}</dl>
              <p class="total">Total <strong>{euros(total)}</strong></p>
              <button type="submit" class="primary">Checkout</button>
            </section>
        """)
