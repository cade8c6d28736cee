"""The operators' command line: import, search, statistics."""
