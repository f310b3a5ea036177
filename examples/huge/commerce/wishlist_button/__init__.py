"""The wishlist button subject."""
