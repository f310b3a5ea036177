"""The navigation section."""
