"""The stat subject."""
