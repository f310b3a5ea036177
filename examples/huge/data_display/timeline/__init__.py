"""The timeline subject."""
