"""The project installs as a package (pip install ., not editable) with its data, and the bot
and the admin scripts run from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_an_installed_copy_runs_from_any_directory_with_its_data(tmp_path) -> None:
    site = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    assert (site / "catalog_data" / "obce-cr" / "obce.csv").is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TELEGRAM_BOT_TOKEN", "STATE_SECRET_FILE")}
    env["PYTHONPATH"] = str(site)

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *args], input=stdin, capture_output=True, text=True, env=env, cwd=elsewhere, timeout=300
        )

    where = run("-c", "import bot, catalog_data; print(bot.CATALOG_DATA); print(bot.__file__)")
    assert where.stdout.splitlines() == [str(site / "catalog_data"), str(site / "bot" / "__init__.py")]
    talk = run("-m", "bot", stdin="potřebuju pečovatelku pro tátu v Kojetíně\n")
    assert talk.returncode == 0, talk.stderr
    assert "Kojetín" in talk.stdout and "Traceback" not in talk.stderr
    assert (elsewhere / "var" / "sit-pomoci.sqlite3").is_file()  # the database beside the user, not in the package
    help_text = run("-m", "admin_scripts", "region", "--help")
    assert help_text.returncode == 0 and "region" in help_text.stdout
    report = run("-m", "admin_scripts", "stats", "report", "--from", "2025-01-01", "--to", "2025-03-31", "--out", "z")
    assert report.returncode == 0, report.stderr  # the report's template is installed too
    assert list((elsewhere / "z").glob("zprava-*.html"))
