"""The toast subject."""
