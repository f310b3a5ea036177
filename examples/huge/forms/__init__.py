"""The forms section."""
