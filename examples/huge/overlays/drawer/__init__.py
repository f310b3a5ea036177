"""The drawer subject."""
