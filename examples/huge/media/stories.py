"""The media section."""

from storyville import Section


def this_section() -> Section:
    """Media: 10 components."""
    return Section(title="Media", description="Pictures, sound and video.")
