"""A dish or drink on the menu."""

from dataclasses import dataclass
from string.templatelib import Template

from tdom import html

from examples.complete.menu.price.price import format_price


@dataclass
class MenuItem:
    """A card for one dish or drink.

    Attributes:
        name: What it is called on the board.
        cents: Its price in euro cents.
        description: A line about it.
        tags: Short dietary or origin tags, e.g. ``("vegan", "gluten-free")``.
        sold_out: Grey the card out and add a "Sold out" ribbon.
    """

    name: str = "Café au lait"
    cents: int = 380
    description: str = ""
    tags: tuple[str, ...] = ()
    sold_out: bool = False

    def as_template(self) -> Template:
        """The card as an unrendered t-string, for composing into bigger templates."""
        classes = {"menu-item": True, "menu-item--sold-out": self.sold_out}
        ribbon = t'<span class="menu-item__ribbon">Sold out</span>' if self.sold_out else ""
        blurb = (
            t'<p class="menu-item__description">{self.description}</p>' if self.description else ""
        )
        tags = (
            t'<ul class="menu-item__tags">{[t"<li>{tag}</li>" for tag in self.tags]}</ul>'
            if self.tags
            else ""
        )
        return t"""<article class={classes}>{ribbon}
<h3 class="menu-item__name">{self.name}</h3>{blurb}{tags}
<p class="menu-item__price">{format_price(self.cents)}</p>
</article>"""

    def __call__(self):
        """Render the card."""
        return html(self.as_template())
