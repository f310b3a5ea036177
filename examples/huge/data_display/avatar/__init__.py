"""The avatar subject."""
