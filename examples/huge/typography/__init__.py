"""The typography section."""
