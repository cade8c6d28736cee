"""The synthetic register: realistic enough to import, heavy enough to benchmark."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest
from typer.testing import CliRunner

from bot.catalog.generator import DEFAULT_CODELISTS, generate_register, ico_with_checksum
from bot.catalog.rpss import import_rpss
from tests.dbsnapshot import snapshot

TODAY = dt.date(2026, 11, 23)

pytestmark = pytest.mark.skipif(
    not (DEFAULT_CODELISTS / "obce.json").is_file(), reason="the bundled codelists are not there"
)


def test_generated_register_of_50_services_imports_cleanly_with_all(sessions, engine, tmp_path):
    generate_register(tmp_path, 50, seed=7, today=TODAY)

    first = import_rpss(sessions, tmp_path, regions=None, keep_all=True, today=TODAY)
    rows = snapshot(engine)
    rows.pop("import_run")
    second = import_rpss(sessions, tmp_path, regions=None, keep_all=True, today=TODAY)
    again = snapshot(engine)
    again.pop("import_run")

    assert first.rejected == []
    assert first.read == 50 and first.added + first.skipped_ended == 50 and first.skipped_outside == 0
    assert (second.added, second.updated, second.unchanged) == (0, 0, first.added)
    assert again == rows


def test_generated_register_looks_like_the_real_one(tmp_path):
    path = generate_register(tmp_path, 300, seed=3, today=TODAY)

    items = json.loads(path.read_text(encoding="utf-8"))["polozky"]
    kinds = Counter(i["druhSocialniSluzby"]["id"] for i in items)
    providers = Counter(str(i["poskytovatel"]["ico"]) for i in items)
    ended = [i for i in items if i["datumPoskytovaniDo"] and i["datumPoskytovaniDo"] < TODAY.isoformat()]
    phones = [t["telefon"] for i in items for t in i["telefony"]]

    assert len(items) == 300
    assert kinds["DruhSocialniSluzby/4"] > kinds["DruhSocialniSluzby/34"]  # pečovatelská > intervenční centra
    assert max(providers.values()) > 1
    assert 0 < len(ended) < 30
    assert phones and all(p.startswith("0") for p in phones)
    assert all(1 <= len({json.dumps(f, sort_keys=True) for f in i["zarizeni"]}) <= 3 for i in items)
    assert path.stat().st_size / len(items) > 14_000  # 7,000 services make more than 100 MB
    assert (tmp_path / "ciselniky" / "obce.json").is_file()


def test_same_seed_gives_the_same_register(tmp_path):
    first = generate_register(tmp_path / "a", 20, seed=5, today=TODAY).read_bytes()
    second = generate_register(tmp_path / "b", 20, seed=5, today=TODAY).read_bytes()
    other = generate_register(tmp_path / "c", 20, seed=6, today=TODAY).read_bytes()

    assert first == second != other


def test_generated_ico_carries_a_valid_check_digit():
    ico = ico_with_checksum(359_320)

    digits = [int(d) for d in ico]
    total = sum(d * w for d, w in zip(digits[:7], range(8, 1, -1), strict=True))
    assert len(ico) == 8 and digits[7] == (11 - total % 11) % 10


def test_generate_sample_command_writes_the_directory(tmp_path):
    from admin_scripts.app import app
    from admin_scripts.commands import register_all

    register_all()
    result = CliRunner().invoke(app, ["generate-sample", "--services", "5", "--out", str(tmp_path / "vzorek")])

    assert result.exit_code == 0, result.output
    assert "Zapsáno 5 služeb" in result.output
    assert (tmp_path / "vzorek" / "rpss.json").is_file()
