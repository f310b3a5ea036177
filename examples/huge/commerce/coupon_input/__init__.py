"""The coupon input subject."""
