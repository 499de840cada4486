"""Sentence-level PLOVER event-type classifier: TF-IDF word and character n-grams, multinomial logistic regression.

The model is stored as plain data (a zip of JSON and ``.npy`` arrays, read with ``allow_pickle=False``),
never as a pickle: loading it executes no code and does not depend on the scikit-learn version that
trained it. Prediction re-creates the features in plain Python and numpy over the stored
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
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ModelError

if TYPE_CHECKING:  # scipy and scikit-learn are for training only: importing them costs seconds
    import scipy.sparse as sp

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


_WHITESPACE = re.compile(r"\s\s+")


def _word_ngrams(tokens: list[str], ngram_range: tuple[int, int]) -> list[str]:
    low, high = ngram_range
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), high + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def _char_wb_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    # the n-grams scikit-learn's "char_wb" analyzer yields, in the same order
    low, high = ngram_range
    grams: list[str] = []
    for word in _WHITESPACE.sub(" ", text).split():
        word = f" {word} "
        for n in range(low, high + 1):
            offset = 0
            grams.append(word[offset : offset + n])
            while offset + n < len(word):
                offset += 1
                grams.append(word[offset : offset + n])
            if offset == 0:  # the word is shorter than n
                break
    return grams


def _char_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    text = _WHITESPACE.sub(" ", text)
    low, high = ngram_range
    return [text[i : i + n] for n in range(low, high + 1) for i in range(len(text) - n + 1)]


def analyze(analyzer: str, ngram_range: tuple[int, int], text: str) -> list[str]:
    """The terms of ``text`` as scikit-learn's vectorizers would produce them for training."""
    if analyzer == "word_stem":
        return _stemmed_ngrams(ngram_range)(text)
    lowered = text.lower()
    if analyzer == "word":
        return _word_ngrams(_TOKEN.findall(lowered), ngram_range)
    if analyzer == "char_wb":
        return _char_wb_ngrams(lowered, ngram_range)
    return _char_ngrams(lowered, ngram_range)


@dataclass(frozen=True)
class FeatureBlock:
    """One bag of n-grams: its analyzer, n-gram range, vocabulary (in column order) and IDF weights.

    Prediction computes the features in plain Python and numpy (what ``TfidfVectorizer`` computes,
    checked by a test), so that loading the classifier does not import scikit-learn and SciPy."""

    analyzer: str  # "word", "word_stem", "char_wb" or "char"
    ngram_range: tuple[int, int]
    vocabulary: tuple[str, ...]
    idf: np.ndarray
    sublinear_tf: bool = True
    _index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.analyzer not in ANALYZERS:
            raise ModelError(f"unknown feature analyzer {self.analyzer!r}")
        if len(self.vocabulary) != len(self.idf):
            raise ModelError("feature block vocabulary and IDF weights differ in length")
        object.__setattr__(self, "_index", {term: i for i, term in enumerate(self.vocabulary)})
        object.__setattr__(self, "idf", np.asarray(self.idf, dtype=np.float32))

    @property
    def size(self) -> int:
        return len(self.vocabulary)

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The non-zero columns of one text's TF-IDF row (L2-normalised) and their weights."""
        counts: dict[int, int] = {}
        index = self._index
        for term in analyze(self.analyzer, self.ngram_range, text):
            column = index.get(term)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        values = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        if self.sublinear_tf:
            values = np.log(values) + 1.0
        values *= self.idf[columns]
        norm = float(np.sqrt(np.dot(values, values)))
        if norm > 0.0:
            values /= norm
        return columns, values

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """TF-IDF rows as a sparse matrix (for training and tests; imports SciPy)."""
        import scipy.sparse as sparse

        indptr, indices, data = [0], [], []
        for text in texts:
            columns, values = self.row(text)
            indices.append(columns)
            data.append(values)
            indptr.append(indptr[-1] + len(columns))
        return sparse.csr_matrix(
            (np.concatenate(data) if data else np.zeros(0, np.float32),
             np.concatenate(indices) if indices else np.zeros(0, np.int64), np.asarray(indptr)),
            shape=(len(texts), self.size), dtype=np.float32,
        )


def featurize(blocks: Sequence[FeatureBlock], texts: Sequence[str]) -> sp.csr_matrix:
    """The feature matrix of ``texts``: the blocks side by side (training; imports SciPy)."""
    import scipy.sparse as sparse

    return sparse.hstack([block.transform(texts) for block in blocks], format="csr", dtype=np.float32)


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
        scores = np.tile(self._intercept, (len(texts), 1))
        for i, text in enumerate(texts):
            offset = 0
            for block in self.blocks:
                columns, values = block.row(text if isinstance(text, str) else "")
                if len(columns):
                    scores[i] += values @ self._coef_t[columns + offset]
                offset += block.size
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
