"""The video player subject."""
