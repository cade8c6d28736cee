"""The held-out sets measure the bot on words it was not tuned to: no test copies their messages."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from bot.search.text import fold

TESTS = Path(__file__).parent
HELD_OUT = TESTS / "eval_held_out"
RUN = 7  # words in a row that make a copy


def _grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", fold(text))
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_test_copies_a_held_out_message() -> None:
    held_out: dict[tuple[str, ...], str] = {}
    for path in sorted(HELD_OUT.glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            for gram in _grams(row.get("text", "")):
                held_out.setdefault(gram, row["id"])
    copies = []
    for path in sorted(TESTS.glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found = {held_out[g] for g in _grams(node.value) if g in held_out}
                if found:
                    copies.append((path.name, node.lineno, sorted(found)))
    assert copies == []
