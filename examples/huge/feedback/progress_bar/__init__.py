"""The progress bar subject."""
