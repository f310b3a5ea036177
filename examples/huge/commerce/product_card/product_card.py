"""The product card component."""

from dataclasses import dataclass

from tdom import html

from examples.huge.placeholders import picture


@dataclass
class ProductCard:
    """A product in a listing: picture, name, rating, price and add to cart."""

    name: str = "Trail running shoe"
    price: float = 129.0
    rating: float = 4.5
    reviews: int = 87
    badge: str | None = None
    image: str = picture("Shoe", 400, 400, "#3b5b8c")
    in_stock: bool = True

    def __call__(self):
        """Render the product card."""
        stars = "★" * int(self.rating) + "☆" * (5 - int(self.rating))
        price = f"€{self.price:,.2f}"
        badge = t'<span class="badge">{self.badge}</span>' if self.badge else ""
        button = (
            t'<button type="button">Add to cart</button>'
            if self.in_stock
            else t'<button type="button" disabled>Sold out</button>'
        )
        return html(t"""
            <article class="product-card">
              {badge}
              <img src={self.image} alt={self.name} loading="lazy" />
              <h3>{self.name}</h3>
              <p class="rating" aria-label="{self.rating} out of 5">
                {stars} <small>({self.reviews})</small>
              </p>
              <p class="price">{price}</p>
              {button}
            </article>
        """)
