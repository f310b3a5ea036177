"""The layout section."""

from storyville import Section


def this_section() -> Section:
    """Layout: 10 components."""
    return Section(title="Layout", description="Boxes that arrange other boxes.")
