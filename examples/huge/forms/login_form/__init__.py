"""The login form subject."""
