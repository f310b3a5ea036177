"""The code block subject."""
