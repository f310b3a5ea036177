"""The image subject."""
