"""The avatar stack subject."""
