"""Stories for the stock indicator component."""

from storyville import Story, Subject

from examples.huge.commerce.stock_indicator.stock_indicator import StockIndicator


def warns_when_low(el: object) -> None:
    """Low stock tells people how many are left."""
    markup = str(el)
    assert "Only 3 left" in markup, "expected Only 3 left"


def says_when_it_is_back(el: object) -> None:
    """Sold-out items say when they will be back."""
    markup = str(el)
    assert "stock-out" in markup and "Back on 12 June" in markup, "expected the restock date"


def this_subject() -> Subject:
    """The stock indicator and its stories."""
    return Subject(
        title="Stock indicator",
        description="Whether an item is in stock, running low, or when it will be back.",
        target=StockIndicator,
        items=[
            Story(title="Plenty"),
            Story(title="Running low", props={"in_stock": 3}, assertions=[warns_when_low]),
            Story(
                title="Out of stock",
                props={"in_stock": 0, "restock_date": "12 June"},
                assertions=[says_when_it_is_back],
            ),
        ],
    )
