"""The price tag subject."""
