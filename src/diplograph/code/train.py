"""Training and scoring the event-type classifier (``diplograph train``).

Inputs (``--data``, any number):
- the NGEC synthetic stories (``.csv`` or ``.csv.zip`` with ``text``, ``prompt``/``title`` and ``label``):
  each story gives two short training texts, its headline (the prompt's first line, names filled in) and
  its lead sentence, because the coder classifies single sentences, not whole stories;
- JSON Lines of single sentences, ``{"text": ..., "event": ...}`` (the examples we write ourselves).

Scores: grouped cross-validation (every NGEC story written from one headline template stays in one fold,
so near-duplicates never straddle train and test; hand-written sentences are folded individually) gives
accuracy and macro-F1 per source; the hand-written sentences' cross-validated accuracy is their held-out
accuracy. ``evaluate`` files are scored with the final model for information only; they are never
trained on. Everything is deterministic for a given seed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold

from ..errors import InputError
from .classifier import PLOVER_TYPES, EventClassifier, FeatureBlock, featurize, vectorizer_options

logger = logging.getLogger(__name__)

TRAINING_COMMAND = "diplograph train --data {data}"


@dataclass(frozen=True)
class TrainingConfig:
    """The model's settings; the defaults are what the shipped model uses (chosen by cross-validation)."""

    word_analyzer: str = "word_stem"  # or "word"
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] | None = None  # (2, 5) scored no better and is 8x slower
    min_df: int = 2
    max_char_features: int = 40000
    c: float = 1.0
    own_example_weight: float = 3.0  # hand-written single sentences are the target style
    lead_weight: float = 1.0  # NGEC lead sentences drift from their story's label more than headlines do
    max_iter: int = 3000


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    group: str  # examples sharing a group are never split across train and test folds
    source: str  # "ngec-title", "ngec-lead" or "examples"


# -- reading ---------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_ABBREVIATION_END = re.compile(
    r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|St|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|No|U\.S|U\.N|U\.K)\.$"
)
_SOURCE_LINE = re.compile(r"^\(?[A-Z][\w .&'-]{0,40}\)?\s*(?:--|-|—)?\s*$")


def lead_sentence(text: str) -> str:
    """The first sentence of a story, skipping dateline-only lines like "(Anadolu Agency)"."""
    for paragraph in re.split(r"\n\s*\n|\n", text):
        paragraph = re.sub(r"\s+", " ", paragraph).strip()
        if len(paragraph) < 25 or _SOURCE_LINE.match(paragraph):
            continue
        start = 0
        for match in _SENTENCE_END.finditer(paragraph):
            candidate = paragraph[start : match.start()].strip()
            if _ABBREVIATION_END.search(candidate):
                continue
            return candidate
        return paragraph
    return ""


def _check_label(label: str, where: str) -> str:
    label = label.strip().upper()
    if label not in PLOVER_TYPES:
        raise InputError(f"{where}: {label!r} is not a PLOVER event type", reason="bad-label")
    return label


def read_ngec(path: Path) -> list[Example]:
    """Headline and lead-sentence examples from the NGEC synthetic stories (``.csv`` or ``.csv.zip``)."""
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                names = sorted(n for n in archive.namelist() if n.lower().endswith(".csv"))
                if not names:
                    raise InputError(f"{path}: no CSV file inside the zip", reason="bad-format")
                raw = archive.read(names[0])
        else:
            raw = path.read_bytes()
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(f"cannot read training data {path}", reason="unreadable", detail=str(exc)) from exc
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    if not rows or not {"text", "label"} <= set(rows[0]):
        raise InputError(f"{path}: expected CSV columns 'text' and 'label'", reason="bad-format")
    examples: list[Example] = []
    for row in rows:
        label = _check_label(row["label"], str(path))
        template = (row.get("title") or row.get("prompt") or "").strip()
        group = f"ngec:{label}:{template}"
        headline = (row.get("prompt") or "").split("\n", 1)[0].strip()
        if headline:
            examples.append(Example(headline, label, group, "ngec-title"))
        lead = lead_sentence(row.get("text") or "")
        if lead:
            examples.append(Example(lead, label, group, "ngec-lead"))
    return examples


def read_sentences(path: Path) -> list[Example]:
    """Single labelled sentences from JSON Lines: ``{"text": ..., "event": ...}``."""
    examples: list[Example] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read training data {path}", reason="unreadable", detail=str(exc)) from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text, label = record["text"], record.get("event") or record["label"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(
                f"{path}:{number}: expected a JSON object with 'text' and 'event'", reason="bad-format"
            ) from exc
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{path}:{number}: empty text", reason="bad-format")
        examples.append(
            Example(
                text.strip(),
                _check_label(str(label), f"{path}:{number}"),
                f"{path.name}:{number}",
                "examples",
            )
        )
    return examples


def read_training_data(paths: Iterable[Path]) -> list[Example]:
    examples: list[Example] = []
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise InputError(f"training data {path} does not exist", reason="not-found")
        name = path.name.lower()
        if name.endswith((".jsonl", ".json")):
            examples.extend(read_sentences(path))
        elif name.endswith((".csv", ".zip")):
            examples.extend(read_ngec(path))
        else:
            raise InputError(f"{path}: training data must be .jsonl, .csv or .csv.zip", reason="bad-format")
    if not examples:
        raise InputError("no training examples", reason="empty")
    return examples


# -- fitting ---------------------------------------------------------------------------------------


def fit_classifier(examples: Sequence[Example], config: TrainingConfig = TrainingConfig()) -> EventClassifier:
    """Fit the vocabulary, IDF weights and logistic regression on ``examples``."""
    if config.lead_weight <= 0:
        examples = [e for e in examples if e.source != "ngec-lead"]
    texts = [e.text for e in examples]
    labels = [e.label for e in examples]
    missing = sorted(set(PLOVER_TYPES) - set(labels))
    if missing:
        raise InputError(f"training data has no example of {', '.join(missing)}", reason="bad-labels")
    blocks = [_fit_block(texts, config.word_analyzer, config.word_ngrams, config.min_df, None)]
    if config.char_ngrams:
        blocks.append(
            _fit_block(texts, "char_wb", config.char_ngrams, config.min_df, config.max_char_features)
        )
    features = featurize(blocks, texts)
    y = np.array([PLOVER_TYPES.index(label) for label in labels])
    source_weight = {"examples": config.own_example_weight, "ngec-lead": config.lead_weight}
    weights = np.array([source_weight.get(e.source, 1.0) for e in examples])
    # Balance the classes: NGEC has 780 CONCEDE stories and 84 AID ones.
    class_totals = np.bincount(y, weights=weights, minlength=len(PLOVER_TYPES))
    weights = weights * (weights.sum() / (len(PLOVER_TYPES) * class_totals[y]))
    model = LogisticRegression(C=config.c, max_iter=config.max_iter, solver="lbfgs")
    model.fit(features, y, sample_weight=weights)
    # Round-trip through the stored precision so the in-memory model is the saved one.
    coef = model.coef_.astype(np.float16).astype(np.float32)
    return EventClassifier(blocks, coef, model.intercept_.astype(np.float32), types=PLOVER_TYPES)


def _fit_block(
    texts: Sequence[str], analyzer: str, ngram_range: tuple[int, int], min_df: int, max_features: int | None
) -> FeatureBlock:
    vectorizer = TfidfVectorizer(
        **vectorizer_options(analyzer, ngram_range),
        min_df=min_df,
        max_features=max_features,
        sublinear_tf=True,
        dtype=np.float32,
    )
    vectorizer.fit(texts)
    vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
    return FeatureBlock(analyzer, ngram_range, tuple(vocabulary), vectorizer.idf_.astype(np.float32))


# -- scoring ---------------------------------------------------------------------------------------


def score(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    return {
        "n": len(gold),
        "accuracy": round(float(accuracy_score(gold, predicted)), 4),
        "macro_f1": round(
            float(f1_score(gold, predicted, labels=list(PLOVER_TYPES), average="macro", zero_division=0)), 4
        ),
    }


def check_enough(examples: Sequence[Example], folds: int) -> None:
    """InputError, before any fitting, when ``examples`` cannot train a classifier of every PLOVER
    type (one example of each at least) or cannot be cross-validated in ``folds`` folds (``folds``
    examples of each type, in as many groups)."""
    if folds < 1:
        raise InputError(f"--folds must be 1 or more, not {folds}", reason="bad-option")
    counts = {name: 0 for name in PLOVER_TYPES}
    for example in examples:
        counts[example.label] = counts.get(example.label, 0) + 1
    missing = [name for name, n in counts.items() if n == 0]
    if missing:
        raise InputError(f"too few training examples ({len(examples)}): the classifier needs at least one example "
                         f"of each of the {len(PLOVER_TYPES)} PLOVER types, and there is none of "
                         f"{', '.join(missing)}", reason="too-few-examples")
    if folds == 1:
        return
    short = [f"{name} ({n})" for name, n in counts.items() if n < folds]
    groups = len({e.group for e in examples})
    if short or groups < folds:
        why = (f"fewer than {folds} examples of {', '.join(short)}" if short
               else f"only {groups} groups of examples")
        raise InputError(f"too few training examples for {folds}-fold cross-validation: {why} "
                         "(give more examples, or --folds 1 to skip cross-validation)", reason="too-few-examples")


def cross_validate(
    examples: Sequence[Example], config: TrainingConfig = TrainingConfig(), *, folds: int = 5, seed: int = 13
) -> dict[str, Any]:
    """Grouped, stratified k-fold scores per source, plus per-type F1 on the hand-written sentences."""
    labels = np.array([e.label for e in examples])
    groups = np.array([e.group for e in examples])
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    predicted = np.empty(len(examples), dtype=object)
    for train_index, test_index in splitter.split(np.zeros(len(examples)), labels, groups):
        try:
            model = fit_classifier([examples[i] for i in train_index], config)
        except InputError as exc:  # a fold whose training part lacks a type: the data is too thin
            raise InputError(f"too few training examples for {folds}-fold cross-validation: a training fold "
                             f"lacks a type ({exc.message}); give more examples, or --folds 1 to skip it",
                             reason="too-few-examples") from None
        predicted[test_index] = model.predict([examples[i].text for i in test_index])
    result: dict[str, Any] = {
        "folds": folds,
        "grouping": "NGEC headline template; hand-written sentences one by one",
    }
    for source in sorted({e.source for e in examples}):
        index = [i for i, e in enumerate(examples) if e.source == source]
        result[source] = score(labels[index].tolist(), predicted[index].tolist())
    result["all"] = score(labels.tolist(), predicted.tolist())
    own = [i for i, e in enumerate(examples) if e.source == "examples"]
    if own:
        per_type = f1_score(
            labels[own], predicted[own], labels=list(PLOVER_TYPES), average=None, zero_division=0
        )
        result["examples_f1_by_type"] = {
            t: round(float(f), 3) for t, f in zip(PLOVER_TYPES, per_type, strict=True)
        }
    return result


def evaluate_file(model: EventClassifier, path: Path) -> dict[str, Any]:
    """Accuracy of ``model`` on a JSON Lines file of ``{"text", "event"}`` (information only)."""
    examples = read_sentences(path)
    result = score([e.label for e in examples], model.predict([e.text for e in examples]))
    result["file"] = path.name
    return result


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def scores_path(output: Path) -> Path:
    """Where the scores of the model at ``output`` go: ``event_classifier.scores.json`` beside it."""
    return output.with_name(output.name.split(".", 1)[0] + ".scores.json")


def train_classifier(
    data: list[Path],
    output: Path,
    *,
    seed: int = 13,
    evaluate: Sequence[Path] = (),
    config: TrainingConfig = TrainingConfig(),
    folds: int = 5,
    command: str | None = None,
) -> dict[str, Any]:
    """Cross-validate, fit on all of ``data``, write the model to ``output`` and its scores beside it.

    Returns the scores (also written to ``scores_path(output)``)."""
    data = [Path(p) for p in data]
    examples = read_training_data(data)
    check_enough(examples, folds)
    logger.info("training the event classifier on %d examples from %d files", len(examples), len(data))
    cv = cross_validate(examples, config, folds=folds, seed=seed) if folds > 1 else {}
    model = fit_classifier(examples, config)
    model.meta = {
        "trained_on": [{"file": p.name, "sha256": _sha256(p)} for p in data],
        "examples": len(examples),
        "config": _config_dict(config),
    }
    output = Path(output)
    model.save(output)
    scores: dict[str, Any] = {
        "model": {
            "file": output.name,
            "bytes": output.stat().st_size,
            "sha256": _sha256(output),
            "features": sum(b.size for b in model.blocks),
            "method": (
                f"TF-IDF {config.word_analyzer} {config.word_ngrams[0]}-{config.word_ngrams[1]}-grams"
                + (
                    f" and char_wb {config.char_ngrams[0]}-{config.char_ngrams[1]}-grams"
                    if config.char_ngrams
                    else ""
                )
                + "; multinomial logistic regression (lbfgs), balanced classes"
            ),
            "config": _config_dict(config),
        },
        "command": command or TRAINING_COMMAND.format(data=" ".join(str(p) for p in data)),
        "seed": seed,
        "data": [
            {"file": p.name, "sha256": _sha256(p), "examples": sum(1 for _ in read_training_data([p]))}
            for p in data
        ],
        "examples_by_source": {
            s: sum(1 for e in examples if e.source == s) for s in sorted({e.source for e in examples})
        },
        "cross_validation": cv,
        "evaluation": [evaluate_file(model, Path(p)) for p in evaluate],
    }
    scores_path(output).write_text(json.dumps(scores, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return scores


def _config_dict(config: TrainingConfig) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in config.__dict__.items()}
