"""A badge: a short status word beside something else."""

from tdom import html


def Badge(text: str = "New", tone: str = "info"):
    return html(t'<span class="badge badge-{tone}">{text}</span>')


def is_short(markup: str) -> None:
    """A badge is read at a glance: a few words at most."""
    text = str(markup).split(">", 1)[1].rsplit("<", 1)[0]
    assert len(text.split()) <= 3, f"{text!r} is too long for a badge"
