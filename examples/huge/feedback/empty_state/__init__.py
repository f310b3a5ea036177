"""The empty state subject."""
