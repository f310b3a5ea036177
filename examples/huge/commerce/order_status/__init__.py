"""The order status subject."""
