"""The commerce section."""

from storyville import Section


def this_section() -> Section:
    """Commerce: 10 components."""
    return Section(title="Commerce", description="Prices, carts and checkout.")
