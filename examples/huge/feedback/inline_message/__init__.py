"""The inline message subject."""
