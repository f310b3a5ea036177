"""Menu: showing what the café has on offer, and for how much."""
