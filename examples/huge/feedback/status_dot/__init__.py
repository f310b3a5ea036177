"""The status dot subject."""
