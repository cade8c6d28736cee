"""Learned text models: character n-grams and word stems weighed by logistic heads.

Rules and vocabularies say why; they miss what nobody wrote down. A text model reads the
letters of the whole message instead of words, so it copes with inflection, typos, slang and
languages it has never seen as such. Two models are bundled:
- the danger model (catalog_data/bezpeci/model.json.gz), the safety layer's second opinion:
  heads "danger" (does the message speak of a danger?), "child" (does a child write?) and
  "acute" (is a life in danger now?);
- the needs model (catalog_data/potreby-model.json.gz): one head per life situation, used by the
  search when its vocabulary understands no need in a message.

The weights are data, written by `python -m bot.search.training` from labelled messages; this
module only reads them and needs no library.
Features are those of scikit-learn's TfidfVectorizer(analyzer="char_wb", sublinear_tf=True):
n-grams inside each whitespace-separated word padded with spaces, 1 + log(count), times idf,
L2-normalised. A model may add a second block, the same weighting over word terms (`word_terms`:
the stem of each word and each pair of neighbouring stems), normalised on its own: letters
cope with typos and unseen inflection, stems and pairs with what words mean together
("to udelat", "kill myself").
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot import CATALOG_DATA
from bot.search.stemmer import stem
from bot.search.text import tokenize

DANGER_MODEL_FILE = CATALOG_DATA / "bezpeci" / "model.json.gz"
NEEDS_MODEL_FILE = CATALOG_DATA / "potreby-model.json.gz"
MAX_CHARS = 2000
# word terms are named "w <stem>" and "w <stem> <stem>": no character n-gram has a space second
WORD_TERM = "w "


def char_ngrams(text: str, low: int, high: int) -> Counter[str]:
    """The n-grams (low..high letters) of each word of `text` padded with spaces, counted."""
    grams: Counter[str] = Counter()
    for word in text.split():
        padded = f" {word} "
        size = len(padded)
        for n in range(low, high + 1):
            grams[padded[:n]] += 1
            offset = 0
            while offset + n < size:
                offset += 1
                grams[padded[offset : offset + n]] += 1
            if offset == 0:  # the n-gram was the whole padded word: longer ones would repeat it
                break
    return grams


def word_terms(normalised: str) -> list[str]:
    """The word terms of an already normalised text: each word's stem and each pair of neighbours."""
    stems = [stem(word) for word in tokenize(normalised)]
    return [WORD_TERM + s for s in stems] + [f"{WORD_TERM}{a} {b}" for a, b in zip(stems, stems[1:], strict=False)]


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {g: v / norm for g, v in vector.items()} if norm else {}


@dataclass(frozen=True)
class Head:
    """One logistic output: an intercept and a weight per n-gram."""

    intercept: float
    weights: dict[str, float]


@dataclass(frozen=True)
class TextModel:
    """The n-gram sizes, the idf of every n-gram (and word term) known, and the heads."""

    low: int
    high: int
    idf: dict[str, float]
    heads: dict[str, Head]
    word_idf: dict[str, float] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> TextModel:
        """The model of `path` (gzip-compressed JSON)."""
        with gzip.open(path, "rt", encoding="utf-8") as f:
            data = json.load(f)
        heads = {
            name: Head(float(head["intercept"]), {k: float(v) for k, v in head["weights"].items()})
            for name, head in data["heads"].items()
        }
        return cls(int(data["ngram"][0]), int(data["ngram"][1]), data["idf"], heads, data.get("word_idf") or {})

    def features(self, normalised: str) -> dict[str, float]:
        """The tf-idf vector of an already normalised text (each block of unit length; empty when unknown)."""
        text = normalised[:MAX_CHARS]
        vector = _unit(
            {
                gram: (1.0 + math.log(count)) * self.idf[gram]
                for gram, count in char_ngrams(text, self.low, self.high).items()
                if gram in self.idf
            }
        )
        if self.word_idf:
            terms = Counter(term for term in word_terms(text) if term in self.word_idf)
            vector |= _unit({term: (1.0 + math.log(n)) * self.word_idf[term] for term, n in terms.items()})
        return vector

    def probability(self, head: str, features: dict[str, float]) -> float:
        """The head's probability for a feature vector from `features`."""
        h = self.heads[head]
        z = h.intercept + sum(value * h.weights.get(gram, 0.0) for gram, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def ranked(self, features: dict[str, float]) -> list[tuple[str, float]]:
        """Every head with its probability, the most probable first."""
        scored = [(name, self.probability(name, features)) for name in self.heads]
        return sorted(scored, key=lambda pair: -pair[1])


@lru_cache(maxsize=1)
def danger_model() -> TextModel | None:
    """The bundled danger model, or None when the file is missing."""
    return TextModel.load(DANGER_MODEL_FILE) if DANGER_MODEL_FILE.exists() else None


@lru_cache(maxsize=1)
def needs_model() -> TextModel | None:
    """The bundled needs model, or None when the file is missing."""
    return TextModel.load(NEEDS_MODEL_FILE) if NEEDS_MODEL_FILE.exists() else None
