"""The stack subject."""
