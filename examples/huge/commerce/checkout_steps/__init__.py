"""The checkout steps subject."""
