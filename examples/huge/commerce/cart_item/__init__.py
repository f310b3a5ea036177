"""The cart item subject."""
