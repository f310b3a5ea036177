"""Stories for the notification panel component."""

from storyville import Story, Subject

from examples.huge.overlays.notification_panel.notification_panel import NotificationPanel


def this_subject() -> Subject:
    """The notification panel and its stories."""
    return Subject(
        title="Notification panel",
        description="A list of recent notifications, the unread ones highlighted.",
        target=NotificationPanel,
        items=[
            Story(title="One unread"),
            Story(
                title="Busy morning",
                props={
                    "notifications": (
                        ("Build #512 failed", "just now", True),
                        ("Ada invited you to “Analytical Engine”", "5m", True),
                        ("Weekly report is ready", "3h", False),
                        ("Your trial ends in 3 days", "1d", False),
                    ),
                },
            ),
            Story(title="All caught up", props={"notifications": ()}),
        ],
    )
