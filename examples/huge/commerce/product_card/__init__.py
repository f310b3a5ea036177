"""The product card subject."""
