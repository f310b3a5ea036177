"""The layout section."""
