"""The image comparison subject."""
