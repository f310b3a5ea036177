"""The table of contents subject."""
