"""The color picker subject."""
