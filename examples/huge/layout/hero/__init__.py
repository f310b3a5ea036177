"""The hero subject."""
