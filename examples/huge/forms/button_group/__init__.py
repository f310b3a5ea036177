"""The button group subject."""
