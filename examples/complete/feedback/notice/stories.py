from storyville import Story, Subject

from examples.complete.feedback.notice.notice import notice


def is_announced_at_once(el: object) -> None:
    """Errors interrupt the screen reader: role="alert"."""
    assert 'role="alert"' in str(el), "errors need role=alert"


def is_polite(el: object) -> None:
    """Non-errors wait their turn: role="status"."""
    assert 'role="status"' in str(el), "non-errors need role=status"


def escapes_the_message(el: object) -> None:
    """Text from customers is escaped, never interpreted as HTML."""
    markup = str(el)
    assert "<script>" not in markup, "the message was not escaped"
    assert "&lt;script&gt;" in markup


def this_subject() -> Subject:
    """Stories for the notice component."""
    return Subject(
        title="Notice",
        description="A coloured message box for confirmations, hints, warnings and errors.",
        target=notice,
        items=[
            Story(
                title="Order confirmed",
                props={
                    "tone": "success",
                    "heading": "Merci !",
                    "message": "Your order #1042 will be ready in about 5 minutes.",
                },
                assertions=[is_polite],
            ),
            Story(
                title="Almost out",
                props={
                    "tone": "warning",
                    "message": "Only 2 croissants left today.",
                    "dismissible": True,
                },
            ),
            Story(
                title="Payment failed",
                description="Errors are announced immediately and cannot be dismissed.",
                props={
                    "tone": "error",
                    "heading": "Card declined.",
                    "message": "Please try another card or pay at the counter.",
                },
                assertions=[is_announced_at_once],
            ),
            Story(
                title="Hostile message",
                description="A customer-supplied note containing markup is shown as text.",
                props={"message": "Extra foam <script>alert('hi')</script> please"},
                assertions=[escapes_the_message, is_polite],
            ),
        ],
    )
