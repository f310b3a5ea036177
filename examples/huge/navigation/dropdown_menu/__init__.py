"""The dropdown menu subject."""
