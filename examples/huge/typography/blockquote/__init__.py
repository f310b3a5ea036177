"""The blockquote subject."""
