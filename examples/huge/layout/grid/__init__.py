"""The grid subject."""
