"""The stock indicator subject."""
