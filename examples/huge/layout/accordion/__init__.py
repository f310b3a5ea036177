"""The accordion subject."""
