"""The icon button subject."""
