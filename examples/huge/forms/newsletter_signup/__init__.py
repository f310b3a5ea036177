"""The newsletter signup subject."""
