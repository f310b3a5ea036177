"""The heading subject."""
