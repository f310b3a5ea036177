"""The truncated text subject."""
