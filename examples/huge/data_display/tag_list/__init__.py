"""The tag list subject."""
