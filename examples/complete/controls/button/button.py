"""The café's call-to-action button."""

from dataclasses import dataclass
from string.templatelib import Template
from typing import Literal

from tdom import html


@dataclass
class Button:
    """A rounded call-to-action button.

    Attributes:
        label: The text on the button.
        variant: ``primary`` (espresso on crema), ``secondary`` (outlined) or ``danger``.
        size: ``sm``, ``md`` or ``lg``.
        icon: An optional emoji shown before the label (hidden from screen readers).
        disabled: Render the button inert.
        kind: The ``type`` attribute: ``button`` or ``submit``.
    """

    label: str = "Order now"
    variant: Literal["primary", "secondary", "danger"] = "primary"
    size: Literal["sm", "md", "lg"] = "md"
    icon: str | None = None
    disabled: bool = False
    kind: Literal["button", "submit"] = "button"

    def as_template(self) -> Template:
        """The button as an unrendered t-string, for composing into bigger templates."""
        icon = t'<span class="btn__icon" aria-hidden="true">{self.icon}</span>' if self.icon else ""
        return t"""<button type={self.kind} class="btn btn--{self.variant} btn--{self.size}" disabled={self.disabled}>{icon}{self.label}</button>"""

    def __call__(self):
        """Render the button."""
        return html(self.as_template())
