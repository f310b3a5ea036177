"""The sparkline subject."""
