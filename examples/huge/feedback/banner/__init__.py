"""The banner subject."""
