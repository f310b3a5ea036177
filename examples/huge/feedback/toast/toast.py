"""The toast component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Toast:
    """A brief, self-dismissing notification with an optional action."""

    message: str = "Message sent"
    action: str | None = "Undo"
    duration_ms: int = 5000
    position: str = "bottom-right"

    def __call__(self):
        """Render the toast."""
        action = (
            t'<button type="button" class="toast-action">{self.action}</button>'
            if self.action
            else ""
        )
        return html(t"""
            <div class="toast toast-{self.position}" role="status" aria-live="polite"
              data-duration={self.duration_ms}>
              <span>{self.message}</span>
              {action}
            </div>
        """)
