"""storyville: a story-based component catalog for tdom, with its dev loop in the editor."""

from storyville.catalog.models import Catalog, Section, Story, Subject

__all__ = ["Catalog", "Section", "Story", "Subject"]
__version__ = "0.2.0"
