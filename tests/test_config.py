"""Configuration comes from the environment and fails fast, naming the variable."""

import pytest

from bot.config import ConfigError, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    for name in ("DATABASE_URL", "TELEGRAM_BOT_TOKEN", "ADMIN_USER_IDS", "STATS_K", "DEFAULT_LANGUAGE", "REGIONS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env file of the developer's


def test_defaults_use_an_embedded_sqlite_file_under_var() -> None:
    settings = load_settings()
    assert settings.database_url.startswith("sqlite:///")
    assert settings.sqlite_path is not None and settings.sqlite_path.parent.name == "var"
    assert settings.stats_k == 5
    assert settings.default_language == "cs"
    assert settings.telegram_bot_token is None


def test_admin_ids_and_regions_are_read_from_comma_separated_lists(monkeypatch) -> None:
    monkeypatch.setenv("ADMIN_USER_IDS", "12345, 678")
    monkeypatch.setenv("REGIONS", "Přerov, Hranice")
    settings = load_settings()
    assert settings.admin_user_ids == frozenset({12345, 678})
    assert settings.regions == ("Přerov", "Hranice")


def test_dotenv_file_is_read(tmp_path) -> None:
    (tmp_path / ".env").write_text("STATS_K=7\nDEFAULT_LANGUAGE=uk\n", encoding="utf-8")
    settings = load_settings()
    assert (settings.stats_k, settings.default_language) == (7, "uk")


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("STATS_K", "1", "Neplatné nastavení STATS_K: očekává se číslo alespoň 2"),
        ("STATS_K", "pět", "Neplatné nastavení STATS_K: očekává se celé číslo"),
        ("ADMIN_USER_IDS", "12,abc", "Neplatné nastavení ADMIN_USER_IDS"),
        ("DEFAULT_LANGUAGE", "de", "Neplatné nastavení DEFAULT_LANGUAGE: očekává se jeden z jazyků cs, uk, en"),
        ("DATABASE_URL", "mysql://x", "Neplatné nastavení DATABASE_URL"),
        ("WEB_PORT", "70000", "Neplatné nastavení WEB_PORT: očekává se číslo nejvýše 65535 (zadáno: '70000')"),
        ("WEB_PORT", "0", "Neplatné nastavení WEB_PORT: očekává se číslo alespoň 1"),
    ],
)
def test_invalid_setting_fails_with_one_line_naming_the_variable(monkeypatch, name, value, expected) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith(expected)
    assert "\n" not in message


def test_an_invalid_secret_is_never_repeated_back(monkeypatch) -> None:
    monkeypatch.setenv("WEBHOOK_SECRET", "tajne heslo s mezerou!")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert str(caught.value).startswith("Neplatné nastavení WEBHOOK_SECRET:")
    assert "tajne" not in str(caught.value) and "(zadáno: skryto)" in str(caught.value)


def test_a_short_state_secret_is_refused_and_never_repeated_back(monkeypatch) -> None:
    monkeypatch.setenv("STATE_SECRET", "kratke-heslo")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert str(caught.value).startswith("Neplatné nastavení STATE_SECRET:")
    assert "alespoň 32 znaků" in str(caught.value)
    assert "kratke" not in str(caught.value) and "(zadáno: skryto)" in str(caught.value)


def test_an_invalid_database_address_is_shown_without_its_password(monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://sitpomoci:Heslo123@db.example/sit")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert "Heslo123" not in str(caught.value)
    assert "sitpomoci:***@db.example" in str(caught.value)
