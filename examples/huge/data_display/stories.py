"""The data display section."""

from storyville import Section


def this_section() -> Section:
    """Data display: 10 components."""
    return Section(title="Data display", description="Tables, figures, people and code.")
