"""The media section."""
