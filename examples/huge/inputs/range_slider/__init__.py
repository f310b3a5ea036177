"""The range slider subject."""
