"""The tabs subject."""
