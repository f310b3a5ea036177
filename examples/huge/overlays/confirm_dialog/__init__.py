"""The confirm dialog subject."""
