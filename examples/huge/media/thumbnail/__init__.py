"""The thumbnail subject."""
