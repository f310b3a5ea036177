"""Prices, always in euro cents so no float ever rounds a croissant wrongly."""

from tdom import html


def format_price(cents: int, currency: str = "€") -> str:
    """Format an amount in cents as text, e.g. ``format_price(380)`` is ``"€3.80"``."""
    return f"{currency}{cents // 100}.{cents % 100:02d}"


def price(*, cents: int = 350, was_cents: int | None = None, unit: str | None = None):
    """Render a price, optionally struck through from an earlier price and per unit.

    Args:
        cents: The price in cents.
        was_cents: The earlier price, shown struck through when the item is on offer.
        unit: What the price is for, e.g. ``"cup"`` or ``"100 g"``.
    """
    on_offer = was_cents is not None and was_cents > cents
    old = t"<del>{format_price(was_cents)}</del>" if on_offer and was_cents else ""
    now = t"<ins>{format_price(cents)}</ins>" if on_offer else format_price(cents)
    per = t"<small> / {unit}</small>" if unit else ""
    return html(t'<span class="price">{old}{now}{per}</span>')
