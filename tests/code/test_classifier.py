"""The event-type classifier: featurizer, training, storage, the shipped model and ``diplograph train``."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from diplograph.code.classifier import (
    DEFAULT_MODEL_PATH,
    PLOVER_TYPES,
    EventClassifier,
    FeatureBlock,
    stem,
)
from diplograph.code.train import (
    Example,
    TrainingConfig,
    fit_classifier,
    lead_sentence,
    read_ngec,
    read_sentences,
    read_training_data,
    scores_path,
    train_classifier,
)
from diplograph.errors import InputError, ModelError

DATA = Path(__file__).parent / "data"
EXAMPLES = DATA / "event_examples.jsonl"
SHARED = Path(__file__).parents[2].parent / "shared"
NGEC = SHARED / "train" / "ngec_synthetic_events_2023-10-19.csv.zip"
FAST = TrainingConfig()

# Sentences written for these tests only: none of them is in the training examples.
FRESH = {
    "ASSAULT": "Gunmen opened fire on a crowded bus station, killing 17 people and wounding dozens.",
    "CONSULT": "The Indonesian president held talks with the visiting Malaysian prime minister in Jakarta on Wednesday.",
    "SANCTION": "The European Union imposed sanctions on four Iranian officials over the crackdown.",
    "PROTEST": "Thousands of demonstrators marched through the capital to protest against the new tax law.",
    "AID": "Japan sent emergency relief supplies and medical teams to the earthquake zone in Morocco.",
    "THREATEN": "Pyongyang threatened to take military action if the joint exercises went ahead.",
}


@pytest.fixture(scope="module")
def small_model() -> EventClassifier:
    return fit_classifier(read_sentences(EXAMPLES), FAST)


def test_examples_file_is_balanced_and_large_enough() -> None:
    examples = read_sentences(EXAMPLES)
    counts = {t: sum(e.label == t for e in examples) for t in PLOVER_TYPES}
    assert len(examples) >= 300
    assert min(counts.values()) >= 18, counts
    assert len({e.text for e in examples}) == len(examples)
    assert not set(FRESH.values()) & {e.text for e in examples}


def test_model_trained_on_hand_written_examples_predicts_sensible_types(small_model: EventClassifier) -> None:
    predicted = small_model.predict(list(FRESH.values()))
    correct = sum(p == gold for p, gold in zip(predicted, FRESH, strict=True))
    assert correct >= 5, dict(zip(FRESH, predicted, strict=True))


def test_predict_proba_gives_a_distribution_over_the_16_types(small_model: EventClassifier) -> None:
    rows = small_model.predict_proba(["Troops shelled the town.", "", "Ministers met in Geneva."])
    assert len(rows) == 3
    for row in rows:
        assert tuple(row) == PLOVER_TYPES
        assert sum(row.values()) == pytest.approx(1.0, abs=1e-4)
        assert all(0.0 <= p <= 1.0 for p in row.values())
    assert small_model.predict_proba([]) == []
    with pytest.raises(TypeError):
        small_model.predict_proba("one string")  # type: ignore[arg-type]


@pytest.mark.parametrize("analyzer,ngrams", [("word", (1, 2)), ("char_wb", (2, 5)), ("word_stem", (1, 2))])
def test_featurizer_matches_scikit_learn_tfidf(analyzer: str, ngrams: tuple[int, int]) -> None:
    texts = [e.text for e in read_sentences(EXAMPLES)]
    fit_texts, test_texts = texts[::2], texts[1::2]
    from diplograph.code.classifier import vectorizer_options

    reference = TfidfVectorizer(**vectorizer_options(analyzer, ngrams), sublinear_tf=True, min_df=2).fit(
        fit_texts
    )
    vocabulary = tuple(sorted(reference.vocabulary_, key=reference.vocabulary_.__getitem__))
    block = FeatureBlock(analyzer, ngrams, vocabulary, reference.idf_.astype(np.float32))
    ours = block.transform(test_texts).toarray()
    np.testing.assert_allclose(ours, reference.transform(test_texts).toarray(), atol=1e-5)


def test_stem_conflates_inflections() -> None:
    assert stem("threatened") == stem("threatens") == stem("threatening") == stem("threaten")
    assert stem("imposed") == stem("imposes") == stem("impose")
    assert stem("agreed") == stem("agrees") == stem("agree")
    assert stem("press") == "press"


def test_save_and_load_round_trip_is_exact_and_deterministic(
    small_model: EventClassifier, tmp_path: Path
) -> None:
    path = tmp_path / "model.zip"
    small_model.save(path)
    loaded = EventClassifier.load(path)
    assert loaded is not None
    texts = list(FRESH.values())
    np.testing.assert_allclose(loaded.predict_matrix(texts), small_model.predict_matrix(texts), atol=1e-6)
    assert small_model.to_bytes() == path.read_bytes()
    again = fit_classifier(read_sentences(EXAMPLES), FAST)
    assert again.to_bytes() == path.read_bytes()


def test_load_returns_none_with_a_warning_when_the_file_is_missing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="diplograph.code.classifier"):
        assert EventClassifier.load(tmp_path / "absent.zip") is None
    assert "not found" in caplog.text


def test_damaged_model_file_raises_model_error(tmp_path: Path, small_model: EventClassifier) -> None:
    garbage = tmp_path / "garbage.zip"
    garbage.write_bytes(b"not a zip file at all")
    with pytest.raises(ModelError):
        EventClassifier.load(garbage)
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(small_model.to_bytes()[:500])
    with pytest.raises(ModelError):
        EventClassifier.load(truncated)


def test_bad_training_data_gives_clear_errors(tmp_path: Path) -> None:
    bad_label = tmp_path / "bad.jsonl"
    bad_label.write_text(json.dumps({"text": "Troops attacked the town.", "event": "INVADE"}) + "\n")
    with pytest.raises(InputError, match="INVADE"):
        read_training_data([bad_label])
    not_json = tmp_path / "broken.jsonl"
    not_json.write_text("{oops\n")
    with pytest.raises(InputError, match="broken.jsonl:1"):
        read_training_data([not_json])
    with pytest.raises(InputError, match="does not exist"):
        read_training_data([tmp_path / "nothing.jsonl"])
    one_type = [Example("Troops attacked the town.", "ASSAULT", "g", "examples")] * 3
    with pytest.raises(InputError, match="no example of"):
        fit_classifier(one_type, FAST)


def test_lead_sentence_skips_source_lines_and_abbreviations() -> None:
    story = "(Example Agency)\n\nThe U.S. envoy met Gen. Smith in Kabul on Monday. Talks lasted an hour.\n\nMore text."
    assert lead_sentence(story) == "The U.S. envoy met Gen. Smith in Kabul on Monday."
    assert lead_sentence("") == ""


def test_train_classifier_writes_model_and_scores(tmp_path: Path) -> None:
    output = tmp_path / "event_classifier.zip"
    scores = train_classifier([EXAMPLES], output, config=FAST, folds=3, evaluate=[EXAMPLES])
    assert output.is_file()
    written = json.loads(scores_path(output).read_text())
    assert written == json.loads(json.dumps(scores))
    assert written["model"]["sha256"] and written["command"].startswith("diplograph train --data")
    cv = written["cross_validation"]["examples"]
    assert cv["n"] == len(read_sentences(EXAMPLES))
    assert cv["accuracy"] > 1 / len(PLOVER_TYPES) * 3  # far above chance on held-out sentences
    first_bytes = output.read_bytes()
    train_classifier([EXAMPLES], output, config=FAST, folds=3)
    assert output.read_bytes() == first_bytes


def test_train_command(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    import diplograph.cli.train  # noqa: F401  (registers the command)
    from diplograph.cli.app import app

    output = tmp_path / "model.zip"
    result = CliRunner().invoke(
        app, ["train", "--data", str(EXAMPLES), "--output", str(output), "--folds", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "cross-validated" in result.output
    assert EventClassifier.load(output) is not None
    recorded = json.loads(scores_path(output).read_text())["command"]
    assert "--folds 2" in recorded and str(EXAMPLES) in recorded


def test_shipped_model_loads_and_classifies_clear_sentences() -> None:
    model = EventClassifier.load()
    assert model is not None, f"the shipped model is missing: {DEFAULT_MODEL_PATH}"
    assert model.types == PLOVER_TYPES
    assert DEFAULT_MODEL_PATH.stat().st_size < 3_000_000
    predicted = dict(zip(FRESH, model.predict(list(FRESH.values())), strict=True))
    assert predicted["ASSAULT"] == "ASSAULT"
    assert predicted["CONSULT"] == "CONSULT"
    assert sum(p == gold for gold, p in predicted.items()) >= 5, predicted
    scores = json.loads(scores_path(DEFAULT_MODEL_PATH).read_text())
    assert scores["model"]["sha256"] and scores["command"].startswith("diplograph train")


@pytest.mark.skipif(not NGEC.is_file(), reason="../shared/train is not available")
def test_ngec_stories_train_a_useful_model() -> None:
    examples = read_ngec(NGEC)
    assert {e.source for e in examples} == {"ngec-title", "ngec-lead"}
    assert {e.label for e in examples} == set(PLOVER_TYPES)
    assert len(examples) > 8000
    model = fit_classifier(examples, FAST)
    predicted = model.predict(list(FRESH.values()))
    assert sum(p == gold for p, gold in zip(predicted, FRESH, strict=True)) >= 4, predicted
