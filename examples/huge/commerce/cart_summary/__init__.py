"""The cart summary subject."""
