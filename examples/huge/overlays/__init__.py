"""The overlays section."""
