"""The select subject."""
