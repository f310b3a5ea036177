"""The shipping option subject."""
