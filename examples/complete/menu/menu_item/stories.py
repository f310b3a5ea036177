from storyville import Story, Subject
from tdom import html

from examples.complete.controls.button.button import Button
from examples.complete.menu.menu_item.menu_item import MenuItem


def shows_a_price(el: object) -> None:
    """Every card on the menu has a price in euro."""
    assert "€" in str(el), "no price shown"


def is_marked_sold_out(el: object) -> None:
    """A sold-out card carries the modifier class and the ribbon."""
    markup = str(el)
    assert "menu-item--sold-out" in markup, "missing the sold-out modifier class"
    assert "Sold out</span>" in markup, "missing the sold-out ribbon"


def lists_every_tag(el: object) -> None:
    """Each tag becomes its own list item."""
    assert str(el).count("<li>") == 2, "expected two tags"


def specials_board():
    """Today's specials: a heading, three cards and a link to the full menu.

    Composes the components' templates, so the cards are not escaped as text.
    """
    specials = [
        MenuItem(
            name="Crème brûlée latte",
            cents=520,
            description="Espresso, steamed milk and a torched sugar crust.",
            tags=("seasonal",),
        ),
        MenuItem(
            name="Pain au chocolat",
            cents=240,
            description="Baked at six this morning.",
            tags=("vegetarian",),
        ),
        MenuItem(name="Tarte Tatin", cents=610, sold_out=True),
    ]
    cards = [special.as_template() for special in specials]
    more = Button(label="See the full menu", variant="secondary", icon="📜")
    return html(t"""<section class="specials-board" aria-labelledby="specials-heading">
<h2 id="specials-heading">Today's specials</h2>
<div class="specials">{cards}</div>
<p>{more.as_template()}</p>
</section>""")


def this_subject() -> Subject:
    """Stories for the menu item card."""
    return Subject(
        title="Menu item",
        description="A card for one dish or drink: name, blurb, tags and price.",
        target=MenuItem,
        items=[
            Story(
                title="Café au lait",
                description="The house favourite, with nothing but a name and a price.",
                props={"name": "Café au lait", "cents": 380},
                assertions=[shows_a_price],
            ),
            Story(
                title="With tags",
                props={
                    "name": "Oat flat white",
                    "cents": 410,
                    "description": "Double ristretto with creamy oat milk.",
                    "tags": ("vegan", "dairy-free"),
                },
                assertions=[shows_a_price, lists_every_tag],
            ),
            Story(
                title="Sold out",
                description="Greyed out with a ribbon; it stays on the menu so people know it exists.",
                props={"name": "Kouign-amann", "cents": 330, "sold_out": True},
                assertions=[is_marked_sold_out],
            ),
            Story(
                title="Today's specials board",
                description="A template composing three menu items and a button.",
                template=specials_board,
                assertions=[shows_a_price],
            ),
        ],
    )
