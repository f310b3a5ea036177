"""The catalog UI: tdom templates for the pages and the static assets they use."""
