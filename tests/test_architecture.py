"""The domain knows no framework: the search and the dialog load without the database layer
or Telegram, so they can be used (and tested) from any adapter."""

from __future__ import annotations

import subprocess
import sys


def test_the_search_and_the_dialog_import_no_sqlalchemy_and_no_telegram() -> None:
    code = (
        "import sys\n"
        "import bot.search.engine, bot.dialog, bot.dialog.flow, bot.safety.detector\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'telegram', 'alembic'}))\n"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == "[]"
