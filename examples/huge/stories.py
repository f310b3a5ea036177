"""The root of the huge example catalog."""

from storyville import Catalog


def this_catalog() -> Catalog:
    """10 sections, 100 subjects, 300 stories."""
    return Catalog(title="Huge Catalog")
