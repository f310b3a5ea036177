"""The cookie consent subject."""
