"""The modal subject."""
