"""Feedback: telling customers what happened, and what other customers thought."""
