"""The meter subject."""
