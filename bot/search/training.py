"""Train the text models (bot/search/textmodel.py) from labelled messages.

Run: python -m bot.search.training danger|needs [--sets a,b,c] [--out FILE]

The messages are the held-out sets of tests/eval_held_out/<set>/ (or, by the same name,
messages written only to learn from in catalog_data/bezpeci/uceni/<name>/): danger.jsonl (danger and
ordinary messages, with who writes), conversations.jsonl (ordinary requests with the life
situations a social worker would accept) and everyday.jsonl (chatter: neither a request nor
danger). A set used here is training data from then on:
measure a model on a set it has not seen. Needs scikit-learn (pip install -e '.[train]');
the bot itself does not.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot import PROJECT_ROOT
from bot.safety.detector import normalise
from bot.search.text import fold
from bot.search.textmodel import DANGER_MODEL_FILE, NEEDS_MODEL_FILE, word_terms

SETS_DIR = PROJECT_ROOT / "tests" / "eval_held_out"
# messages written only to learn from, never to measure on (catalog_data/bezpeci/uceni/<name>/)
TRAINING_ONLY_DIR = PROJECT_ROOT / "catalog_data" / "bezpeci" / "uceni"
NGRAMS = (2, 5)
MIN_DF = 2
C_DANGER = 8.0
C_CHILD = 4.0
C_ACUTE = 4.0
C_NEED = 8.0
MIN_WEIGHT = 1e-4
MIN_EXAMPLES = 8  # a life situation needs this many messages to get a head
NEED_WEIGHTS_KEPT = 4000  # the strongest n-grams of each need head (keeps the file small)


def _folder(root: Path, name: str) -> Path:
    """A set's folder: a held-out set under `root`, else a training-only one of the same name."""
    folder = root / name
    return folder if folder.is_dir() or not (TRAINING_ONLY_DIR / name).is_dir() else TRAINING_ONLY_DIR / name


def _rows(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_examples(sets: list[str], root: Path = SETS_DIR) -> tuple[list[str], list[int], list[str | None], list[int]]:
    """Texts, danger labels (1/0), writers (None for ordinary requests) and acute labels (1/0)."""
    texts: list[str] = []
    danger: list[int] = []
    writers: list[str | None] = []
    acute: list[int] = []
    for name in sets:
        folder = _folder(root, name)
        for row in _rows(folder / "danger.jsonl"):
            texts.append(row["text"])
            danger.append(int(bool(row["danger"])))
            writers.append(row.get("writer") if row["danger"] else None)
            acute.append(int(bool(row.get("acute"))))
        # a first message a reader judged to show danger is no ordinary request to learn from
        shows_danger = {r["id"] for r in _rows(folder / "conversations-danger.jsonl") if r.get("danger")}
        requests = [r for r in _rows(folder / "conversations.jsonl") if r.get("id") not in shows_danger]
        for row in requests + _rows(folder / "everyday.jsonl"):
            texts.append(row["text"])
            danger.append(0)
            writers.append(None)
            acute.append(0)
    if not texts:
        raise SystemExit(f"Žádné zprávy k učení v {root} pro sady {', '.join(sets)}.")
    return texts, danger, writers, acute


def _fit(texts: list[str], preprocessor: Callable[[str], str], words: bool = False) -> tuple[Any, Any, list[str]]:
    """The vectorizers (letters, and word terms when `words`), the feature matrix and the feature names."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizers = [
        TfidfVectorizer(
            analyzer="char_wb", ngram_range=NGRAMS, preprocessor=preprocessor, min_df=MIN_DF, sublinear_tf=True
        )
    ]
    if words:
        vectorizers.append(
            TfidfVectorizer(analyzer=lambda text: word_terms(preprocessor(text)), min_df=MIN_DF, sublinear_tf=True)
        )
    matrix = hstack([v.fit_transform(texts) for v in vectorizers]).tocsr()
    names = [str(n) for v in vectorizers for n in v.get_feature_names_out()]
    return vectorizers, matrix, names


def _head(matrix: Any, names: list[str], rows: list[int], labels: list[int], c: float, keep: int = 0) -> dict[str, Any]:
    """One logistic head over `rows` of the matrix; `keep` > 0 keeps only the strongest weights."""
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:  # one answer only: a constant head
        return {"intercept": 10.0 if labels and labels[0] else -10.0, "weights": {}}
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    model.fit(matrix[rows], labels)
    pairs = [(names[i], float(w)) for i, w in enumerate(model.coef_[0]) if abs(w) >= MIN_WEIGHT]
    if keep:
        pairs = sorted(pairs, key=lambda p: -abs(p[1]))[:keep]
    return {"intercept": float(model.intercept_[0]), "weights": {n: round(w, 5) for n, w in pairs}}


def _idf(vectorizer: Any) -> dict[str, float]:
    names = vectorizer.get_feature_names_out()
    return {str(n): round(float(v), 5) for n, v in zip(names, vectorizer.idf_, strict=True)}


def _model(vectorizers: list[Any], sets: list[str], heads: dict[str, Any], examples: dict[str, int]) -> dict[str, Any]:
    data = {
        "ngram": list(NGRAMS),
        "trained_on": sets,
        "examples": examples,
        "idf": _idf(vectorizers[0]),
        "heads": heads,
    }
    if len(vectorizers) > 1:
        data["word_idf"] = _idf(vectorizers[1])
    return data


def train_danger(sets: list[str], root: Path = SETS_DIR) -> dict[str, Any]:
    """The danger model as JSON-ready data: n-gram sizes, idf of letters and word terms, the
    danger, child and acute heads."""
    texts, danger, writers, acute = load_examples(sets, root)
    vectorizers, matrix, names = _fit(texts, normalise, words=True)
    letters = len(vectorizers[0].vocabulary_)
    everyone = list(range(len(texts)))
    in_danger = [i for i in everyone if danger[i]]
    heads = {
        "danger": _head(matrix, names, everyone, danger, C_DANGER),
        "child": _head(matrix, names, in_danger, [int(writers[i] == "child") for i in in_danger], C_CHILD),
        # "life in danger now" is read from letters alone: word terms made it timid out of sample
        "acute": _head(matrix[:, :letters], names[:letters], in_danger, [acute[i] for i in in_danger], C_ACUTE),
    }
    return _model(vectorizers, sets, heads, {"all": len(texts), "danger": len(in_danger)})


def train_needs(sets: list[str], root: Path = SETS_DIR) -> dict[str, Any]:
    """The needs model: one head per life situation that the conversations accept often enough;
    everyday messages (a greeting, a note to the family) are examples of no need at all."""
    texts: list[str] = []
    situations: list[set[str]] = []
    for name in sets:
        folder = _folder(root, name)
        for row in _rows(folder / "conversations.jsonl"):
            texts.append(row["text"])
            situations.append(set((row.get("accept") or {}).get("situace") or ()))
        for row in _rows(folder / "everyday.jsonl"):
            texts.append(row["text"])
            situations.append(set())
    if not texts:
        raise SystemExit(f"Žádné rozhovory k učení v {root} pro sady {', '.join(sets)}.")
    vectorizers, matrix, names = _fit(texts, fold)
    everyone = list(range(len(texts)))
    counts: dict[str, int] = {}
    for found in situations:
        for s in found:
            counts[s] = counts.get(s, 0) + 1
    heads = {
        s: _head(matrix, names, everyone, [int(s in found) for found in situations], C_NEED, NEED_WEIGHTS_KEPT)
        for s, n in sorted(counts.items())
        if n >= MIN_EXAMPLES
    }
    return _model(vectorizers, sets, heads, {"all": len(texts)})


def write(data: dict[str, Any], path: Path) -> None:
    """The model as compressed JSON."""
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def main(argv: list[str] | None = None) -> None:
    """Train one model on the sets given and write its file."""
    parser = argparse.ArgumentParser(description="Naučí model z odložených sad zpráv.")
    parser.add_argument("model", choices=["danger", "needs"], help="danger = ohrožení, needs = životní situace")
    parser.add_argument("--sets", default="a,b,c", help="sady z tests/eval_held_out, oddělené čárkou")
    parser.add_argument("--out", type=Path, default=None, help="kam model zapsat (.json.gz)")
    args = parser.parse_args(argv)
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    if args.model == "danger":
        data, out = train_danger(sets), args.out or DANGER_MODEL_FILE
    else:
        data, out = train_needs(sets), args.out or NEEDS_MODEL_FILE
    write(data, out)
    words = f", {len(data['word_idf'])} slovních výrazů" if data.get("word_idf") else ""
    print(f"{out}: {data['examples']['all']} zpráv, {len(data['heads'])} výstupů, {len(data['idf'])} n-gramů{words}")


if __name__ == "__main__":
    main()
