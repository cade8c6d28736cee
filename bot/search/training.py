"""Train the danger model (bot/safety/model.py) from labelled messages.

Run: python -m bot.safety.train [--sets a,b,c] [--out catalog_data/bezpeci/model.json.gz]

The messages are the held-out sets of tests/eval_held_out/<set>/: danger.jsonl (danger and
ordinary messages, with who writes) and conversations.jsonl (ordinary requests, all negatives).
A set used here is training data from then on: measure the model on a set it has not seen.
Needs scikit-learn (pip install -e '.[train]'); the bot itself does not.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path
from typing import Any

from bot import PROJECT_ROOT
from bot.safety.detector import normalise
from bot.safety.model import MODEL_FILE

SETS_DIR = PROJECT_ROOT / "tests" / "eval_held_out"
NGRAMS = (2, 5)
MIN_DF = 2
C_DANGER = 4.0
C_CHILD = 4.0
MIN_WEIGHT = 1e-4


def _rows(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_examples(sets: list[str], root: Path = SETS_DIR) -> tuple[list[str], list[int], list[str | None]]:
    """Texts, danger labels (1/0) and writers (None for ordinary requests) of the sets."""
    texts: list[str] = []
    danger: list[int] = []
    writers: list[str | None] = []
    for name in sets:
        for row in _rows(root / name / "danger.jsonl"):
            texts.append(row["text"])
            danger.append(int(bool(row["danger"])))
            writers.append(row.get("writer") if row["danger"] else None)
        for row in _rows(root / name / "conversations.jsonl"):
            texts.append(row["text"])
            danger.append(0)
            writers.append(None)
    if not texts:
        raise SystemExit(f"Žádné zprávy k učení v {root} pro sady {', '.join(sets)}.")
    return texts, danger, writers


def train(sets: list[str], root: Path = SETS_DIR) -> dict[str, Any]:
    """The model as JSON-ready data: n-gram sizes, idf, and the danger and child heads."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, danger, writers = load_examples(sets, root)
    vectorizer = TfidfVectorizer(
        analyzer="char_wb", ngram_range=NGRAMS, preprocessor=normalise, min_df=MIN_DF, sublinear_tf=True
    )
    matrix = vectorizer.fit_transform(texts)
    names = vectorizer.get_feature_names_out()

    def head(rows: list[int], labels: list[int], c: float) -> dict[str, Any]:
        if len(set(labels)) < 2:  # one answer only: a constant head
            return {"intercept": 10.0 if labels and labels[0] else -10.0, "weights": {}}
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
        model.fit(matrix[rows], labels)
        weights = {
            str(names[i]): round(float(w), 5) for i, w in enumerate(model.coef_[0]) if abs(w) >= MIN_WEIGHT
        }
        return {"intercept": float(model.intercept_[0]), "weights": weights}

    everyone = list(range(len(texts)))
    in_danger = [i for i in everyone if danger[i]]
    return {
        "ngram": list(NGRAMS),
        "trained_on": sets,
        "examples": {"all": len(texts), "danger": len(in_danger)},
        "idf": {str(name): round(float(v), 5) for name, v in zip(names, vectorizer.idf_, strict=True)},
        "heads": {
            "danger": head(everyone, danger, C_DANGER),
            "child": head(in_danger, [int(writers[i] == "child") for i in in_danger], C_CHILD),
        },
    }


def main(argv: list[str] | None = None) -> None:
    """Train on the sets given and write the model file."""
    parser = argparse.ArgumentParser(description="Naučí model ohrožení ze zpráv odložených sad.")
    parser.add_argument("--sets", default="a,b,c", help="sady z tests/eval_held_out, oddělené čárkou")
    parser.add_argument("--out", type=Path, default=MODEL_FILE, help="kam model zapsat (.json.gz)")
    args = parser.parse_args(argv)
    data = train([s.strip() for s in args.sets.split(",") if s.strip()])
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    print(f"{args.out}: {data['examples']['all']} zpráv, z toho {data['examples']['danger']} s ohrožením; "
          f"{len(data['idf'])} n-gramů")


if __name__ == "__main__":
    main()
