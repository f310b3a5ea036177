"""The alert subject."""
