"""The button component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Button:
    """A clickable action in three variants and sizes, with a busy state."""

    label: str = "Save"
    variant: str = "primary"
    size: str = "md"
    busy: bool = False
    disabled: bool = False

    def __call__(self):
        """Render the button."""
        classes = {"btn": True, f"btn-{self.variant}": True, f"btn-{self.size}": True}
        spinner = t'<span class="spinner" aria-hidden="true"></span>' if self.busy else ""
        aria = {"busy": self.busy}
        inert = self.disabled or self.busy
        return html(t"""
            <button type="button" class={classes} aria={aria} disabled={inert}>
              {spinner}{self.label}
            </button>
        """)
