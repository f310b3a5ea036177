from storyville import Story, Subject

from examples.complete.menu.price.price import price


def shows_both_prices(el: object) -> None:
    """On offer, the old price is struck through and the new one highlighted."""
    markup = str(el)
    assert "<del>€4.20</del>" in markup, "the old price should be in <del>"
    assert "<ins>€3.50</ins>" in markup, "the new price should be in <ins>"


def this_subject() -> Subject:
    """Stories for the price component."""
    return Subject(
        title="Price",
        description="An amount in euro, optionally on offer and per unit.",
        target=price,
        items=[
            Story(title="Plain", props={"cents": 280}),
            Story(title="Per unit", props={"cents": 1450, "unit": "250 g"}),
            Story(
                title="On offer",
                description="Happy hour: the earlier price is struck through.",
                props={"cents": 350, "was_cents": 420},
                assertions=[shows_both_prices],
            ),
        ],
    )
