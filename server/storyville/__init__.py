"""storyville: a story-based component catalog for tdom, with its dev loop in the editor."""

from storyville.catalog.models import Catalog, Section, Story, Subject
from storyville.catalog.static import static_url

__all__ = ["Catalog", "Section", "Story", "Subject", "static_url"]
__version__ = "0.2.0"
