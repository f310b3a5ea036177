"""The form field subject."""
