"""The smallest catalog: one section, one subject, two stories."""
