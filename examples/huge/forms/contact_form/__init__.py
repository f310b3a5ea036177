"""The contact form subject."""
