"""The sidebar menu subject."""
