"""The spinner subject."""
