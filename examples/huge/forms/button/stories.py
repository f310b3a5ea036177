"""Stories for the button component."""

from storyville import Story, Subject

from examples.huge.forms.button.button import Button


def announces_busy(el: object) -> None:
    """Assistive technology hears that the button is working."""
    markup = str(el)
    assert 'aria-busy="true"' in markup, "expected aria-busy=true"


def is_inert_while_busy(el: object) -> None:
    """A busy button cannot be pressed twice."""
    markup = str(el)
    assert " disabled" in markup, "expected the disabled attribute"


def this_subject() -> Subject:
    """The button and its stories."""
    return Subject(
        title="Button",
        description="A clickable action in three variants and sizes, with a busy state.",
        target=Button,
        items=[
            Story(title="Primary", props={"label": "Save changes"}),
            Story(
                title="Secondary, small",
                props={"label": "Cancel", "variant": "secondary", "size": "sm"},
            ),
            Story(
                title="Busy",
                description="Shown while the request is in flight; the button cannot be pressed.",
                props={"label": "Saving…", "busy": True},
                assertions=[announces_busy, is_inert_while_busy],
            ),
        ],
    )
