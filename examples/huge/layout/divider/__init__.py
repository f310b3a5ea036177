"""The divider subject."""
