"""The notification panel subject."""
