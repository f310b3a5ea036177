"""Stories for the card component."""

from storyville import Story, Subject

from examples.huge.layout.card.card import Card
from examples.huge.placeholders import picture


def links_the_title(el: object) -> None:
    """The title becomes a link."""
    markup = str(el)
    assert '<a href="/travel/lisbon">Lisbon in spring</a>' in markup, "the title is not linked"


def this_subject() -> Subject:
    """The card and its stories."""
    return Subject(
        title="Card",
        description="A box for one item: an optional image, a title (or link), text and a footer.",
        target=Card,
        items=[
            Story(title="Text only"),
            Story(
                title="With an image and a link",
                props={
                    "title": "Lisbon in spring",
                    "body": "Tiled streets, custard tarts and golden light.",
                    "image": picture("Lisbon", 400, 200, "#c9a227"),
                    "href": "/travel/lisbon",
                },
                assertions=[links_the_title],
            ),
            Story(
                title="With a footer",
                props={
                    "title": "Pro plan",
                    "body": "Everything in Team, plus SSO and audit logs.",
                    "footer": "€49 per month",
                },
            ),
        ],
    )
