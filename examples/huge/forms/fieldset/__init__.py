"""The fieldset subject."""
