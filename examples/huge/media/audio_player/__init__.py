"""The audio player subject."""
