"""The button subject."""
