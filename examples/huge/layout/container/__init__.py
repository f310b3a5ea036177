"""The container subject."""
