"""The learned second opinion: features as scikit-learn computes them, and where it may alarm."""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Collection
from pathlib import Path

import pytest

from bot.safety.detector import (
    MODEL_OVER_BLOCKERS,
    MODEL_OVER_SOFTENERS,
    MODEL_THRESHOLD,
    DangerDetector,
    default_detector,
    normalise,
)
from bot.search.stemmer import stem
from bot.search.textmodel import TextModel, char_ngrams, danger_model, word_terms
from bot.search.training import C_DANGER
from bot.search.training import train_danger as train

pytest.importorskip("sklearn")


def write_set(
    root: Path, name: str, danger: list[str], ordinary: list[str], child: Collection[str] = frozenset()
) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    rows = [{"text": t, "danger": True, "writer": "child" if t in child else "adult"} for t in danger] + [
        {"text": t, "danger": False, "writer": "adult"} for t in ordinary
    ]
    (folder / "danger.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")


DRAGON = [f"dneska zase přišel zelený drak číslo {i} a já nevím co dál" for i in range(12)]
ORDINARY = [f"hledám pečovatelskou službu pro souseda číslo {i} v obci" for i in range(12)]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> TextModel:
    root = tmp_path_factory.mktemp("sets")
    write_set(root, "x", DRAGON, ORDINARY, child=set(DRAGON[:6]))
    path = root / "model.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(train(["x"], root), f)
    return TextModel.load(path)


def test_the_ngrams_are_those_scikit_learn_counts() -> None:
    from sklearn.feature_extraction.text import CountVectorizer

    text = normalise("Máma  mě bije, a já? Ne-e. у")
    analyzer = CountVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
    expected: dict[str, int] = {}
    for gram in analyzer(text):
        expected[gram] = expected.get(gram, 0) + 1
    assert dict(char_ngrams(text, 2, 5)) == expected


def test_the_probability_is_the_one_scikit_learn_gives(tmp_path: Path) -> None:
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    write_set(tmp_path, "x", DRAGON, ORDINARY)
    data = train(["x"], tmp_path)
    path = tmp_path / "m.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(data, f)
    model = TextModel.load(path)
    texts = DRAGON + ORDINARY
    letters = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), preprocessor=normalise, min_df=2, sublinear_tf=True
    )
    words = TfidfVectorizer(analyzer=lambda t: word_terms(normalise(t)), min_df=2, sublinear_tf=True)
    matrix = hstack([letters.fit_transform(texts), words.fit_transform(texts)]).tocsr()
    reference = LogisticRegression(C=C_DANGER, class_weight="balanced", max_iter=5000).fit(matrix, [1] * 12 + [0] * 12)
    probe = "zelený drak přišel k sousedovi"
    expected = reference.predict_proba(hstack([letters.transform([probe]), words.transform([probe])]))[0, 1]
    assert math.isclose(model.probability("danger", model.features(normalise(probe))), expected, abs_tol=1e-3)


def test_word_terms_are_stems_and_their_neighbours() -> None:
    terms = word_terms(normalise("Chci to UDĚLAT, dnes"))
    chci, to, udelat, dnes = (stem(w) for w in ("chci", "to", "udelat", "dnes"))
    assert terms == [f"w {s}" for s in (chci, to, udelat, dnes)] + [
        f"w {chci} {to}",
        f"w {to} {udelat}",
        f"w {udelat} {dnes}",
    ]
    assert not any(term in char_ngrams(normalise("Chci to udělat dnes"), 2, 5) for term in terms)


def test_the_model_raises_an_alarm_no_rule_names(tiny_model: TextModel) -> None:
    message = "zase u nás byl zelený drak, co mám dělat"
    assert not DangerDetector.from_files().assess(message).danger  # no rule knows dragons
    found = DangerDetector.from_files(model=tiny_model).assess(message)
    assert found.categories == {"acute_crisis"}


def test_short_messages_and_harmless_contexts_are_left_to_the_rules(tiny_model: TextModel) -> None:
    detector = DangerDetector.from_files(model=tiny_model)
    assert not detector.assess("zelený drak").danger  # under four words
    # a rule matched and a harmless context stopped it: in a short message that context is all there is
    assert not detector.assess("zelený drak, tatínek zase bije rekord v běhu").danger


def test_a_sure_model_speaks_in_a_long_message_where_a_harmless_context_stopped_a_rule(tiny_model: TextModel) -> None:
    detector = DangerDetector.from_files(model=tiny_model)
    long = (
        "tatínek zase bije rekord v běhu. Dneska zase přišel zelený drak číslo tři a já nevím co dál, je to každý den"
    )
    p = tiny_model.probability("danger", tiny_model.features(normalise(long)))
    assert p >= 0.9
    assert detector.assess(long).danger
    assert not DangerDetector.from_files().assess(long).danger  # the rules alone see a record broken


def test_a_short_message_needs_a_sure_model_to_raise_an_alarm_alone(tiny_model: TextModel) -> None:
    detector = DangerDetector.from_files(model=tiny_model)
    short = "dneska zase zelený drak, hledám službu"
    long = "dneska zase zelený drak, hledám službu, je to každý den a trvá to dlouho"
    for text in (short, long):
        assert MODEL_THRESHOLD <= tiny_model.probability("danger", tiny_model.features(normalise(text))) < 0.9
    assert not detector.assess(short).danger  # a short everyday note gives the model too little
    assert detector.assess(long).danger


def test_a_softening_word_raises_the_bar_for_the_model_without_silencing_it(tiny_model: TextModel) -> None:
    detector = DangerDetector.from_files(model=tiny_model)
    # debts often soften: the model must be fairly sure
    softened = "dneska zase zelený drak a dluhy, hledám službu, je to každý den a trvá to dlouho"
    p = tiny_model.probability("danger", tiny_model.features(normalise(softened)))
    assert MODEL_OVER_SOFTENERS <= p < MODEL_OVER_BLOCKERS
    assert detector.assess(softened).danger


def test_an_ordinary_request_stays_ordinary(tiny_model: TextModel) -> None:
    assert not DangerDetector.from_files(model=tiny_model).assess("hledám pečovatelskou službu pro mámu v obci").danger


def test_the_bundled_model_is_loaded_with_both_heads() -> None:
    model = danger_model()
    assert model is not None and set(model.heads) == {"danger", "child", "acute"}
    assert default_detector().model is model


def test_a_denial_raises_the_bar_for_the_model_without_silencing_it(tiny_model: TextModel) -> None:
    detector = DangerDetector.from_files(model=tiny_model)
    unsure = "nikdo mě nebije, dneska zase zelený drak, hledám službu, je to každý den a trvá to dlouho"
    sure = "nikdo mě nebije, ale dneska zase přišel zelený drak číslo sedm a já nevím co dál, zase"
    probability = {t: tiny_model.probability("danger", tiny_model.features(normalise(t))) for t in (unsure, sure)}
    assert MODEL_THRESHOLD <= probability[unsure] < MODEL_OVER_BLOCKERS <= probability[sure]
    assert detector.assess("zase u nás byl zelený drak, co mám dělat").danger  # nothing denied
    assert not detector.assess(unsure).danger
    assert detector.assess(sure).danger  # "he doesn't hit me, but ..." with a model that is sure


def test_a_first_message_a_reader_judged_dangerous_is_not_learned_as_ordinary(tmp_path: Path) -> None:
    from bot.search.training import load_examples

    folder = tmp_path / "x"
    folder.mkdir()
    rows = [{"id": "c1", "text": "potřebuju pečovatelku"}, {"id": "c2", "text": "manžel mě bije, kam jít"}]
    (folder / "conversations.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    (folder / "conversations-danger.jsonl").write_text(json.dumps({"id": "c2", "danger": True}))
    texts, danger, _, _ = load_examples(["x"], tmp_path)
    assert texts == ["potřebuju pečovatelku"] and danger == [0]


def test_everyday_chatter_is_learned_as_no_danger(tmp_path: Path) -> None:
    from bot.search.training import load_examples

    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "danger.jsonl").write_text(json.dumps({"id": "d1", "danger": True, "writer": "child", "text": "bije mě"}))
    (folder / "everyday.jsonl").write_text(json.dumps({"id": "e1", "writer": "child", "text": "upekla jsem bábovku"}))
    texts, danger, writers, acute = load_examples(["x"], tmp_path)
    assert texts == ["bije mě", "upekla jsem bábovku"]
    assert danger == [1, 0] and writers == ["child", None] and acute == [0, 0]


def test_chatter_written_only_to_learn_from_is_read_from_its_own_folder(tmp_path: Path, monkeypatch) -> None:
    from bot.search import training

    learn_only = tmp_path / "uceni" / "bezne"
    learn_only.mkdir(parents=True)
    (learn_only / "everyday.jsonl").write_text(json.dumps({"id": "u1", "writer": "adult", "text": "ryby dnes braly"}))
    (tmp_path / "sets").mkdir()
    monkeypatch.setattr(training, "TRAINING_ONLY_DIR", tmp_path / "uceni")
    texts, danger, _, _ = training.load_examples(["bezne"], tmp_path / "sets")
    assert texts == ["ryby dnes braly"] and danger == [0]


def test_the_bundled_chatter_is_never_a_set_the_benchmarks_measure() -> None:
    from bot.search.training import SETS_DIR, TRAINING_ONLY_DIR

    assert {p.name for p in TRAINING_ONLY_DIR.iterdir() if p.is_dir()}.isdisjoint(p.name for p in SETS_DIR.iterdir())
