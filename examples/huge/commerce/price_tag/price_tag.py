"""The price tag component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class PriceTag:
    """A price, struck through and discounted when on sale, optionally per unit."""

    amount: float = 19.99
    currency: str = "€"
    compare_at: float | None = None
    unit: str | None = None

    def __call__(self):
        """Render the price tag."""
        now = f"{self.currency}{self.amount:,.2f}"
        if self.compare_at and self.compare_at > self.amount:
            was = f"{self.currency}{self.compare_at:,.2f}"
            saving = round(100 * (1 - self.amount / self.compare_at))
            return html(t"""
                <p class="price-tag on-sale">
                  <del>{was}</del> <ins>{now}</ins> <span class="saving">−{saving}%</span>
                </p>
            """)
        per = t'<span class="unit">/ {self.unit}</span>' if self.unit else ""
        return html(t'<p class="price-tag"><span class="amount">{now}</span> {per}</p>')
