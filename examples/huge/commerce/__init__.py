"""The commerce section."""
