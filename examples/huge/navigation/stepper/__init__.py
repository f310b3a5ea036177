"""The stepper subject."""
