"""The footer subject."""
