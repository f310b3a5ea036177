"""The file input subject."""
