"""The split pane subject."""
