from storyville import Story, Subject
from tdom import html

from examples.complete.controls.button.button import Button


def is_a_button(el: object) -> None:
    """The markup is a real <button>, so it is keyboard-accessible for free."""
    assert str(el).startswith("<button"), "expected a <button> element"


def is_disabled(el: object) -> None:
    """A disabled button carries the disabled attribute."""
    assert " disabled" in str(el), "expected the disabled attribute"


def declares_its_type(el: object) -> None:
    """Every button says whether it submits: inside a <form> the default is "submit"."""
    markup = str(el)
    assert markup.count("<button") == markup.count("<button type="), "a button lacks a type"


def hides_icon_from_screen_readers(el: object) -> None:
    """Decorative emoji must not be read out."""
    assert 'aria-hidden="true"' in str(el), "the icon should be aria-hidden"


def checkout_toolbar():
    """Three buttons side by side, as on the checkout page."""
    actions = [
        Button(label="Back to menu", variant="secondary"),
        Button(label="Empty basket", variant="danger", icon="🗑"),
        Button(label="Pay €12.40", kind="submit", icon="☕"),
    ]
    buttons = [action.as_template() for action in actions]
    return html(t'<div class="toolbar" role="toolbar" aria-label="Checkout">{buttons}</div>')


def this_subject() -> Subject:
    """Stories for the Button component."""
    return Subject(
        title="Button",
        description="The one button style, in three variants and three sizes. Always a real <button>.",
        target=Button,
        items=[
            Story(
                title="Primary",
                props={"label": "Order now"},
                assertions=[is_a_button, declares_its_type],
            ),
            Story(
                title="Secondary, small",
                description="For the less important action next to a primary one.",
                props={"label": "See allergens", "variant": "secondary", "size": "sm"},
            ),
            Story(
                title="With an icon",
                description="The emoji is decoration; the label still says what happens.",
                props={"label": "Add a croissant", "icon": "🥐", "size": "lg"},
                assertions=[is_a_button, hides_icon_from_screen_readers],
            ),
            Story(
                title="Disabled",
                description="Shown while the basket is empty.",
                props={"label": "Checkout", "disabled": True},
                assertions=[is_disabled],
            ),
            Story(
                title="Checkout toolbar",
                description="A template composing three buttons into the checkout toolbar.",
                template=checkout_toolbar,
                assertions=[declares_its_type],
            ),
        ],
    )
