"""The checkbox subject."""
