"""The cart item component."""

from dataclasses import dataclass

from tdom import html

from examples.huge.placeholders import picture


@dataclass
class CartItem:
    """One line of the shopping cart: picture, name, quantity and line total."""

    name: str = "Linen shirt"
    variant: str = "Size M · Sand"
    unit_price: float = 45.0
    quantity: int = 1
    image: str = picture("Shirt", 96, 96, "#c8b48a")

    def __call__(self):
        """Render the cart item."""
        total = f"€{self.unit_price * self.quantity:,.2f}"
        each = f"€{self.unit_price:,.2f} each" if self.quantity > 1 else ""
        return html(t"""
            <li class="cart-item">
              <img src={self.image} alt="" width="64" height="64" />
              <div class="details"><h3>{self.name}</h3><p>{self.variant}</p></div>
              <label>Qty <input type="number" min="0" value={self.quantity} /></label>
              <p class="line-total">{total} <small>{each}</small></p>
              <button type="button" aria-label="Remove {self.name}">Remove</button>
            </li>
        """)
