"""Interpreter settings of a long-running process of ours (the Telegram bot, the web catalogue)."""

from __future__ import annotations

import gc
import sys

# Every update or page makes thousands of short-lived objects: the cyclic garbage collector
# scans the young ones every 50,000 allocations instead of every 700 (a tenth of the CPU per
# request, and most of the catalogue's loading time). The event loop waits for the GIL
# whenever a worker thread (the database, the dialog) holds it: it gets it back after 0.5 ms
# instead of 5 ms.
GC_THRESHOLDS = (50_000, 20, 100)
SWITCH_INTERVAL = 0.0005


def tune_interpreter() -> None:
    """Set the garbage collector and the GIL's switch interval for a server process."""
    gc.set_threshold(*GC_THRESHOLDS)
    sys.setswitchinterval(SWITCH_INTERVAL)


def keep_out_of_collections() -> None:
    """Move everything alive now (the loaded catalogue) out of the collector's full passes,
    which would otherwise pause every thread (the statistics writer included) for tens of ms."""
    gc.collect()
    gc.freeze()
