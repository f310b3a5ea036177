"""The icon button component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class IconButton:
    """A square button showing only an icon, named for screen readers by a label."""

    icon: str = "✕"
    label: str = "Close"
    size: str = "md"
    pressed: bool | None = None

    def __call__(self):
        """Render the icon button."""
        aria: dict[str, str | bool] = {"label": self.label}
        if self.pressed is not None:
            aria["pressed"] = self.pressed
        return html(t"""
            <button type="button" class="icon-btn icon-btn-{self.size}" aria={aria}>
              <span aria-hidden="true">{self.icon}</span>
            </button>
        """)
