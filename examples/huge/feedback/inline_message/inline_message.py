"""The inline message component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class InlineMessage:
    """A one-line validation message under a form field."""

    text: str = "Looks good!"
    kind: str = "success"
    field_id: str | None = None

    def __call__(self):
        """Render the inline message."""
        icons = {"success": "✔", "error": "✖", "warning": "!"}
        message_id = f"{self.field_id}-message" if self.field_id else None
        return html(t"""
            <p class="inline-message inline-{self.kind}" id={message_id}>
              <span aria-hidden="true">{icons.get(self.kind, "•")}</span> {self.text}
            </p>
        """)
