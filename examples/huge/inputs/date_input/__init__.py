"""The date input subject."""
