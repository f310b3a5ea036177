"""The wishlist button component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class WishlistButton:
    """A heart toggle that saves a product, with an optional save count."""

    saved: bool = False
    count: int | None = None
    product: str = "Trail running shoe"

    def __call__(self):
        """Render the wishlist button."""
        pressed = {"pressed": self.saved}
        icon = "♥" if self.saved else "♡"
        label = f"Remove {self.product} from wishlist" if self.saved else f"Save {self.product}"
        count = t'<span class="count">{self.count}</span>' if self.count is not None else ""
        return html(t"""
            <button type="button" class="wishlist" aria={pressed} aria-label={label}>
              <span aria-hidden="true">{icon}</span>{count}
            </button>
        """)
