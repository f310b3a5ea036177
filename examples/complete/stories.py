from storyville import Catalog

from examples.complete.themed_layout import themed_layout


def this_catalog() -> Catalog:
    """The root of the Brew & Bean design system."""
    return Catalog(title="Brew & Bean — Café ☕ Design System", themed_layout=themed_layout)
