"""The breadcrumb subject."""
