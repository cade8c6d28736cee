"""Shared measuring harness of the tests and the benchmarks: a fake Telegram Bot API server,
the judges of the search and held-out evaluation sets. Neither tests nor benchmarks import
each other; both import this."""
