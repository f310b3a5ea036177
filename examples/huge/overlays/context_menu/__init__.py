"""The context menu subject."""
