"""The kbd shortcut subject."""
