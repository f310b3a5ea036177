"""The highlight subject."""
