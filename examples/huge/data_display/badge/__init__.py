"""The badge subject."""
