"""The time ago subject."""
