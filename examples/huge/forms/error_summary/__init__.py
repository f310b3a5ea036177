"""The error summary subject."""
