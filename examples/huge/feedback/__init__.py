"""The feedback section."""
