"""The notification panel component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class NotificationPanel:
    """A list of recent notifications, the unread ones highlighted."""

    title: str = "Notifications"
    notifications: tuple[tuple[str, str, bool], ...] = (
        ("Grace commented on your pull request", "2m", True),
        ("Deploy to production succeeded", "1h", False),
    )

    def __call__(self):
        """Render the notification panel."""
        unread = sum(1 for *_, is_new in self.notifications if is_new)
        items = []
        for text, when, is_new in self.notifications:
            state = {"notification": True, "unread": is_new}
            items.append(t"<li class={state}><p>{text}</p> <time>{when}</time></li>")
        count = t'<span class="count">{unread} new</span>' if unread else ""
        empty = t'<p class="empty">You’re all caught up.</p>' if not self.notifications else ""
        return html(t"""
            <section class="notifications" aria-label={self.title}>
              <header><h2>{self.title}</h2>{count}</header>
              <ul>{items}</ul>
              {empty}
            </section>
        """)
