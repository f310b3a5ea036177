"""The empty state component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class EmptyState:
    """What to show when there is nothing to show, and what to do next."""

    icon: str = "📭"
    title: str = "No messages yet"
    body: str = "When someone writes to you, it will show up here."
    action: str | None = None

    def __call__(self):
        """Render the empty state."""
        button = t'<a class="btn" href="#">{self.action}</a>' if self.action else ""
        return html(t"""
            <div class="empty-state">
              <div class="empty-icon" aria-hidden="true">{self.icon}</div>
              <h3>{self.title}</h3>
              <p>{self.body}</p>
              {button}
            </div>
        """)
