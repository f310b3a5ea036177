"""The switch subject."""
