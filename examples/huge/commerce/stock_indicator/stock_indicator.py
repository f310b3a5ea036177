"""The stock indicator component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class StockIndicator:
    """Whether an item is in stock, running low, or when it will be back."""

    in_stock: int = 24
    low_threshold: int = 5
    restock_date: str | None = None

    def __call__(self):
        """Render the stock indicator."""
        if self.in_stock <= 0:
            state, text = "out", "Out of stock"
        elif self.in_stock <= self.low_threshold:
            state, text = "low", f"Only {self.in_stock} left"
        else:
            state, text = "in", "In stock"
        restock = (
            t' <span class="restock">Back on {self.restock_date}</span>'
            if self.restock_date and state == "out"
            else ""
        )
        return html(t"""
            <p class="stock stock-{state}"><span class="dot"></span>{text}{restock}</p>
        """)
