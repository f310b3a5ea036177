"""The prose subject."""
