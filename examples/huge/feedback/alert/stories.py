"""Stories for the alert component."""

from storyville import Story, Subject

from examples.huge.feedback.alert.alert import Alert


def is_polite(el: object) -> None:
    """Information waits for the screen reader to finish."""
    markup = str(el)
    assert 'role="status"' in markup, "expected role=status"


def interrupts(el: object) -> None:
    """Errors are announced immediately."""
    markup = str(el)
    assert 'role="alert"' in markup, "expected role=alert"


def this_subject() -> Subject:
    """The alert and its stories."""
    return Subject(
        title="Alert",
        description="A prominent message box; errors and warnings are announced at once.",
        target=Alert,
        items=[
            Story(title="Saved", assertions=[is_polite]),
            Story(
                title="Upload failed",
                props={
                    "tone": "error",
                    "title": "Upload failed",
                    "message": "The file is larger than 25 MB.",
                },
                assertions=[interrupts],
            ),
            Story(
                title="Dismissible",
                props={
                    "tone": "success",
                    "message": "Invitation sent to grace@example.com.",
                    "dismissible": True,
                },
            ),
        ],
    )
