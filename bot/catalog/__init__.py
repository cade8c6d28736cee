"""The catalogue: its data model, repository functions and importers."""
