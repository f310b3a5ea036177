"""The bullet list subject."""
