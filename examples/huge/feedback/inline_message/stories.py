"""Stories for the inline message component."""

from storyville import Story, Subject

from examples.huge.feedback.inline_message.inline_message import InlineMessage


def this_subject() -> Subject:
    """The inline message and its stories."""
    return Subject(
        title="Inline message",
        description="A one-line validation message under a form field.",
        target=InlineMessage,
        items=[
            Story(title="Success"),
            Story(
                title="Username taken",
                props={"text": "That username is taken.", "kind": "error", "field_id": "username"},
            ),
            Story(title="Caps Lock", props={"text": "Caps Lock is on.", "kind": "warning"}),
        ],
    )
