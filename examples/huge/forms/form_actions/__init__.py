"""The form actions subject."""
