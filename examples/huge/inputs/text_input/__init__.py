"""The text input subject."""
