"""The abbreviation subject."""
