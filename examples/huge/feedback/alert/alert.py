"""The alert component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Alert:
    """A prominent message box; errors and warnings are announced at once."""

    message: str = "Your changes have been saved."
    tone: str = "info"
    title: str | None = None
    dismissible: bool = False

    def __call__(self):
        """Render the alert."""
        role = "alert" if self.tone in {"error", "warning"} else "status"
        heading = t"<strong>{self.title}</strong>" if self.title else ""
        close = (
            t'<button type="button" class="close" aria-label="Dismiss">×</button>'
            if self.dismissible
            else ""
        )
        return html(t"""
            <div class="alert alert-{self.tone}" role={role}>
              {heading}
              <p>{self.message}</p>
              {close}
            </div>
        """)
