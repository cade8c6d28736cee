"""The store's secret comes from STATE_SECRET or a private file, never from the bot token."""

from __future__ import annotations

import stat

import pytest

from bot.storage.secret import read_or_create_secret, store_secret


def test_a_secret_file_is_created_private_and_read_back_after_a_restart(tmp_path) -> None:
    path = tmp_path / "var" / "stav.klic"
    first = read_or_create_secret(path)
    assert len(first) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_or_create_secret(path) == first


def test_two_deployments_get_different_secrets(tmp_path) -> None:
    assert store_secret(None, tmp_path / "a") != store_secret(None, tmp_path / "b")


def test_a_configured_secret_wins_over_the_file(tmp_path) -> None:
    configured = "x" * 40
    assert store_secret(configured, tmp_path / "a") == store_secret(configured, tmp_path / "b")
    assert not (tmp_path / "a").exists()


def test_a_damaged_secret_file_is_a_czech_error_and_stays_as_it_was(tmp_path) -> None:
    path = tmp_path / "stav.klic"
    path.write_text("nic\n", encoding="ascii")
    with pytest.raises(ValueError, match="je poškozený"):
        read_or_create_secret(path)
    assert path.read_text(encoding="ascii") == "nic\n"
