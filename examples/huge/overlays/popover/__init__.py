"""The popover subject."""
