"""Czech-aware search over the catalogue."""
