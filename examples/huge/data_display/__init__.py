"""The data display section."""
