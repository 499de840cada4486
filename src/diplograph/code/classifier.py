"""Sentence-level PLOVER event-type classifier: TF-IDF word and character n-grams, multinomial logistic regression.

The model is stored as plain data (a zip of JSON and ``.npy`` arrays, read with ``allow_pickle=False``),
never as a pickle: loading it executes no code and does not depend on the scikit-learn version that
trained it. Prediction re-creates the features with scikit-learn's ``CountVectorizer`` over the stored
vocabulary and applies the stored IDF weights and coefficients with numpy, so training (``train.py``)
and prediction share this one featurizer.
"""

from __future__ import annotations

import io
import json
import logging
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from ..errors import ModelError

logger = logging.getLogger(__name__)

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

FORMAT_NAME = "diplograph-event-classifier"
FORMAT_VERSION = 1
DEFAULT_MODEL_PATH = Path(__file__).with_name("data") / "event_classifier.zip"
# A fixed timestamp for every zip entry so the same model gives the same file bytes.
_ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)


_TOKEN = re.compile(r"(?u)\b\w\w+\b")
# A crude English suffix stripper (no stemming library is a dependency): it only has to map
# "threatened", "threatens", "threatening" to one feature, and training and prediction share it.
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s")


def stem(token: str) -> str:
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            if suffix == "s" and token.endswith("ss"):
                break
            return token[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    # "impose" and "imposed" meet at "impos"; "agree" and "agreed" at "agre".
    if token.endswith("e") and len(token) > 3:
        return token[:-1]
    return token


def _stemmed_ngrams(ngram_range: tuple[int, int]) -> Callable[[str], list[str]]:
    low, high = ngram_range

    def analyze(text: str) -> list[str]:
        stems = [stem(token) for token in _TOKEN.findall(text.lower())]
        grams = stems[:] if low == 1 else []
        for n in range(max(low, 2), high + 1):
            grams.extend(" ".join(stems[i : i + n]) for i in range(len(stems) - n + 1))
        return grams

    return analyze


ANALYZERS = ("word", "word_stem", "char_wb", "char")


def vectorizer_options(analyzer: str, ngram_range: tuple[int, int]) -> dict[str, Any]:
    """scikit-learn vectorizer arguments for a named analyzer (the same for training and prediction)."""
    if analyzer == "word_stem":
        return {"analyzer": _stemmed_ngrams(ngram_range)}
    return {"analyzer": analyzer, "ngram_range": ngram_range, "lowercase": True}


@dataclass(frozen=True)
class FeatureBlock:
    """One bag of n-grams: its analyzer, n-gram range, vocabulary (in column order) and IDF weights."""

    analyzer: str  # "word" or "char_wb"
    ngram_range: tuple[int, int]
    vocabulary: tuple[str, ...]
    idf: np.ndarray
    sublinear_tf: bool = True
    _counter: CountVectorizer = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.analyzer not in ANALYZERS:
            raise ModelError(f"unknown feature analyzer {self.analyzer!r}")
        if len(self.vocabulary) != len(self.idf):
            raise ModelError("feature block vocabulary and IDF weights differ in length")
        counter = CountVectorizer(
            **vectorizer_options(self.analyzer, self.ngram_range),
            vocabulary={term: i for i, term in enumerate(self.vocabulary)},
            dtype=np.float32,
        )
        object.__setattr__(self, "_counter", counter)

    @property
    def size(self) -> int:
        return len(self.vocabulary)

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """TF-IDF rows, L2-normalised per block (what ``TfidfVectorizer(sublinear_tf=...)`` computes)."""
        counts = self._counter.transform(texts).tocsr()
        if self.sublinear_tf:
            np.log(counts.data, out=counts.data)
            counts.data += 1.0
        weighted = counts.multiply(self.idf.astype(np.float32)).tocsr()
        squared = weighted.multiply(weighted).sum(axis=1).A1
        norms = np.sqrt(squared)
        norms[norms == 0.0] = 1.0
        return sp.csr_matrix(sp.diags((1.0 / norms).astype(np.float32)) @ weighted)


def featurize(blocks: Sequence[FeatureBlock], texts: Sequence[str]) -> sp.csr_matrix:
    """The feature matrix of ``texts``: the blocks side by side."""
    return sp.hstack([block.transform(texts) for block in blocks], format="csr", dtype=np.float32)


class EventClassifier:
    """Probabilities over the 16 PLOVER event types for single sentences."""

    def __init__(
        self,
        blocks: Sequence[FeatureBlock],
        coef: np.ndarray,
        intercept: np.ndarray,
        types: Sequence[str] = PLOVER_TYPES,
        meta: dict[str, Any] | None = None,
    ) -> None:
        n_features = sum(block.size for block in blocks)
        if coef.shape != (len(types), n_features) or intercept.shape != (len(types),):
            raise ModelError(
                f"classifier arrays do not fit: coef {coef.shape}, intercept {intercept.shape}, "
                f"{len(types)} types, {n_features} features"
            )
        self.blocks = tuple(blocks)
        self.types: tuple[str, ...] = tuple(types)
        # Stored compactly (float16) but computed in float32.
        self._coef_t = np.ascontiguousarray(coef.astype(np.float32).T)
        self._intercept = intercept.astype(np.float32)
        self.meta: dict[str, Any] = dict(meta or {})

    # -- prediction --------------------------------------------------------------------------------

    def predict_matrix(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities as an array (rows: texts, columns: ``types``)."""
        if isinstance(texts, str):
            raise TypeError("predict_matrix takes a list of texts, not one string")
        if not texts:
            return np.zeros((0, len(self.types)), dtype=np.float32)
        features = featurize(self.blocks, [text if isinstance(text, str) else "" for text in texts])
        scores = np.asarray(features @ self._coef_t) + self._intercept
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def predict_proba(self, texts: list[str]) -> list[dict[str, float]]:
        """One ``{type: probability}`` dict per text; the probabilities of a text sum to 1."""
        matrix = self.predict_matrix(texts)
        return [dict(zip(self.types, map(float, row), strict=True)) for row in matrix]

    def predict(self, texts: list[str]) -> list[str]:
        """The most probable type of each text."""
        matrix = self.predict_matrix(texts)
        return [self.types[i] for i in matrix.argmax(axis=1)] if len(matrix) else []

    # -- storage -----------------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The model file's bytes: deterministic for a given model."""
        meta = {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "types": list(self.types),
            "blocks": [
                {"analyzer": b.analyzer, "ngram_range": list(b.ngram_range), "sublinear_tf": b.sublinear_tf}
                for b in self.blocks
            ],
            **{
                k: v for k, v in self.meta.items() if k not in ("format", "format_version", "types", "blocks")
            },
        }
        entries: list[tuple[str, bytes]] = [("meta.json", _json_bytes(meta))]
        for i, block in enumerate(self.blocks):
            entries.append((f"vocabulary_{i}.json", _json_bytes(list(block.vocabulary))))
            entries.append((f"idf_{i}.npy", _npy_bytes(block.idf.astype(np.float32))))
        entries.append(("coef.npy", _npy_bytes(self._coef_t.T.astype(np.float16))))
        entries.append(("intercept.npy", _npy_bytes(self._intercept.astype(np.float32))))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=_ZIP_DATE_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data, compresslevel=9)
        return buffer.getvalue()

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.to_bytes())

    @classmethod
    def from_bytes(cls, data: bytes) -> EventClassifier:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                meta = json.loads(archive.read("meta.json"))
                if meta.get("format") != FORMAT_NAME:
                    raise ModelError("not a diplograph event classifier file")
                if meta.get("format_version") != FORMAT_VERSION:
                    raise ModelError(
                        f"event classifier format version {meta.get('format_version')} is not supported "
                        f"(expected {FORMAT_VERSION}); retrain it with `diplograph train`"
                    )
                blocks = [
                    FeatureBlock(
                        analyzer=spec["analyzer"],
                        ngram_range=(int(spec["ngram_range"][0]), int(spec["ngram_range"][1])),
                        vocabulary=tuple(json.loads(archive.read(f"vocabulary_{i}.json"))),
                        idf=_read_npy(archive, f"idf_{i}.npy"),
                        sublinear_tf=bool(spec.get("sublinear_tf", True)),
                    )
                    for i, spec in enumerate(meta["blocks"])
                ]
                coef = _read_npy(archive, "coef.npy")
                intercept = _read_npy(archive, "intercept.npy")
        except ModelError:
            raise
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
            raise ModelError("the event classifier file is damaged", detail=str(exc)) from exc
        other = {k: v for k, v in meta.items() if k not in ("format", "format_version", "types", "blocks")}
        return cls(blocks, coef, intercept, types=tuple(meta["types"]), meta=other)

    @classmethod
    def load(cls, path: Path | None = None) -> EventClassifier | None:
        """The classifier at ``path`` (default: the shipped model); None, with a warning, when it is missing.

        A file that exists but cannot be read raises ``ModelError``."""
        model_path = Path(path) if path is not None else DEFAULT_MODEL_PATH
        if not model_path.is_file():
            logger.warning(
                "event classifier not found at %s; event types come from the trigger lexicon only "
                "(rebuild it with `diplograph train`)",
                model_path,
            )
            return None
        try:
            data = model_path.read_bytes()
        except OSError as exc:
            raise ModelError(f"cannot read the event classifier at {model_path}", detail=str(exc)) from exc
        return cls.from_bytes(data)


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()


def _read_npy(archive: zipfile.ZipFile, name: str) -> np.ndarray:
    return np.load(io.BytesIO(archive.read(name)), allow_pickle=False)
