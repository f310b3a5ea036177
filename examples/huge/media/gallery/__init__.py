"""The gallery subject."""
