"""The inputs section."""
