"""The embed subject."""
