"""Inline messages: confirmations, hints, warnings and errors."""

from typing import Literal

from tdom import html

type Tone = Literal["info", "success", "warning", "error"]

ICONS: dict[Tone, str] = {"info": "ℹ", "success": "✓", "warning": "⚠", "error": "✕"}


def notice(
    *,
    message: str = "Your order is being prepared.",
    tone: Tone = "info",
    heading: str | None = None,
    dismissible: bool = False,
):
    """Render a message box, coloured by tone.

    Errors use ``role="alert"`` so screen readers announce them at once; everything
    else uses the politer ``role="status"``.

    Args:
        message: The message itself.
        tone: ``info``, ``success``, ``warning`` or ``error``.
        heading: An optional bold first line.
        dismissible: Add a close button.
    """
    role = "alert" if tone == "error" else "status"
    title = t'<strong class="notice__heading">{heading}</strong> ' if heading else ""
    close = (
        t'<button type="button" class="notice__close" aria-label="Dismiss">×</button>'
        if dismissible
        else ""
    )
    return html(t"""<div class="notice notice--{tone}" role={role}>
<span class="notice__icon" aria-hidden="true">{ICONS[tone]}</span>
{title}<span class="notice__message">{message}</span>
{close}
</div>""")
