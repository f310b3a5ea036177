"""The skeleton subject."""
