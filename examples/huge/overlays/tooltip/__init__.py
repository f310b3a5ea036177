"""The tooltip subject."""
