"""The icon subject."""
