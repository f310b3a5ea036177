"""The lightbox subject."""
