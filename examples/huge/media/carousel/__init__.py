"""The carousel subject."""
