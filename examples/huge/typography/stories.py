"""The typography section."""

from storyville import Section


def this_section() -> Section:
    """Typography: 10 components."""
    return Section(title="Typography", description="Headings, paragraphs, quotes and lists.")
