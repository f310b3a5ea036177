"""The pagination subject."""
