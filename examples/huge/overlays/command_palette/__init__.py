"""The command palette subject."""
