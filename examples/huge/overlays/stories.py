"""The overlays section."""

from storyville import Section


def this_section() -> Section:
    """Overlays: 10 components."""
    return Section(title="Overlays", description="Things that float above the page.")
