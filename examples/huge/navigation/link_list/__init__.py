"""The link list subject."""
