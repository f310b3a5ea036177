"""The description list subject."""
