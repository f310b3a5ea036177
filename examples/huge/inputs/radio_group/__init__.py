"""The radio group subject."""
