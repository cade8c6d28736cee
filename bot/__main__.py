"""`python -m bot`: start Síť pomoci on the configured database.

Loads the bundled data into an empty database, then opens the catalogue search prompt in
the terminal.
"""

from __future__ import annotations

import logging
import sys

from bot.config import ConfigError, load_settings
from bot.db import make_engine, session_factory, upgrade_schema


def main() -> int:
    """Run the application; returns the process exit status."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings()
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    engine = make_engine(settings.database_url)
    upgrade_schema(engine)
    sessions = session_factory(engine)

    from bot.catalog.bundled import load_bundled_data
    from bot.console.prompt import run_prompt

    load_bundled_data(sessions)
    return run_prompt(sessions, sys.stdin, sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
