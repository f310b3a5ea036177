"""The table subject."""
