"""The bottom sheet subject."""
