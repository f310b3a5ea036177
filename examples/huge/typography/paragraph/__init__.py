"""The paragraph subject."""
