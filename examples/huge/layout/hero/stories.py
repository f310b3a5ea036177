"""Stories for the hero component."""

from storyville import Story, Subject

from examples.huge.layout.hero.hero import Hero
from examples.huge.placeholders import picture


def this_subject() -> Subject:
    """The hero and its stories."""
    return Subject(
        title="Hero",
        description="The big opening section of a landing page, with one call to action.",
        target=Hero,
        items=[
            Story(title="Product"),
            Story(
                title="Summer sale",
                props={
                    "headline": "Summer sale",
                    "subhead": "Up to 40% off outdoor gear.",
                    "cta": "Shop now",
                    "cta_href": "/sale",
                    "background": picture("Mountains", 1200, 400, "#4f6f8a"),
                    "align": "left",
                },
            ),
            Story(
                title="Conference",
                props={
                    "headline": "PyCon Lisboa 2026",
                    "subhead": "14–16 May · Centro de Congressos",
                    "cta": "Buy a ticket",
                    "cta_href": "/tickets",
                },
            ),
        ],
    )
