"""The search input subject."""
