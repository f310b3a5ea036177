"""Stories for the toast component."""

from storyville import Story, Subject

from examples.huge.feedback.toast.toast import Toast


def this_subject() -> Subject:
    """The toast and its stories."""
    return Subject(
        title="Toast",
        description="A brief, self-dismissing notification with an optional action.",
        target=Toast,
        items=[
            Story(title="With undo"),
            Story(
                title="Copied",
                props={"message": "Copied to clipboard", "action": None, "duration_ms": 2000},
            ),
            Story(
                title="Offline",
                description="A duration of zero keeps the toast until it is dismissed.",
                props={
                    "message": "You are offline. Changes will sync later.",
                    "action": "Retry",
                    "position": "top-center",
                    "duration_ms": 0,
                },
            ),
        ],
    )
