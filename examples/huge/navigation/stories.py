"""The navigation section."""

from storyville import Section


def this_section() -> Section:
    """Navigation: 10 components."""
    return Section(title="Navigation", description="Getting around: menus, tabs, trails and pages.")
