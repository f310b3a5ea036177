"""A button: the label is what people read and what assistive technology announces."""

from tdom import html


def Button(label: str = "OK", kind: str = "primary", disabled: bool = False):
    return html(t'<button type="button" class="{kind}" disabled={disabled}>{label}</button>')


def has_a_label(markup: str) -> None:
    """A button without text cannot be found by anyone."""
    assert "></button>" not in str(markup), "the button has no label"
