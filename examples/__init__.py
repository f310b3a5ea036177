"""Example catalogs: minimal, complete and huge (each importable as a package)."""
