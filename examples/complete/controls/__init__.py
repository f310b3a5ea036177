"""Controls: the things customers press, tick and type into."""
