"""The navbar subject."""
