"""Stories for the accordion component."""

from storyville import Story, Subject

from examples.huge.layout.accordion.accordion import Accordion


def opens_one_panel(el: object) -> None:
    """Only the first panel starts open."""
    markup = str(el)
    assert markup.count(" open>") == 1, "expected exactly one open panel"


def this_subject() -> Subject:
    """The accordion and its stories."""
    return Subject(
        title="Accordion",
        description="Questions that expand to show their answers, one open at a time.",
        target=Accordion,
        items=[
            Story(title="FAQ", assertions=[opens_one_panel]),
            Story(title="All closed", props={"open_index": None}),
            Story(
                title="Shipping questions",
                description="Not exclusive: opening one answer leaves the others open.",
                props={
                    "items": (
                        ("How long does delivery take?", "2–4 working days in the EU."),
                        ("Can I return an item?", "Yes, within 30 days."),
                        ("Do you ship abroad?", "We ship to 40 countries."),
                    ),
                    "open_index": 2,
                    "exclusive": False,
                },
            ),
        ],
    )
