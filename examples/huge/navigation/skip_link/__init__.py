"""The skip link subject."""
