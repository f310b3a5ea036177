"""The inputs section."""

from storyville import Section


def this_section() -> Section:
    """Inputs: 10 components."""
    return Section(title="Inputs", description="Single controls for entering and choosing values.")
