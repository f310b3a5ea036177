"""The card subject."""
