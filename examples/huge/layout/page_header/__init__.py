"""The page header subject."""
