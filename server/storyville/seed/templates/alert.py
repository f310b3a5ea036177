"""An alert: a message that screen readers announce as soon as it appears."""

from tdom import html


def Alert(message: str = "Saved.", tone: str = "info"):
    return html(t'<div role="alert" class="alert alert-{tone}">{message}</div>')


def says_something(markup: str) -> None:
    """An alert with no message interrupts for nothing."""
    assert 'alert"></div>' not in str(markup), "the alert is empty"
