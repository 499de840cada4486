"""Near-duplicate detection: syndicated and lightly edited wire copies count as one source.

Each document gets a MinHash signature over word shingles of its body (computed once, kept in
the ``doc_signatures`` table). Two documents whose estimated Jaccard similarity reaches
``SYNDICATION_THRESHOLD`` belong to the same story; a story's copies are one independent source.
The threshold was measured on the project's own examples (bench/kb_syndication.py, 24 example
articles): edited copies (a dateline, a reworded sentence, a cut ending, all together) score 0.53-0.98;
275 pairs of different articles, many about the same kind of event, score at most 0.31 (median 0.00).
At 0.4 no different articles merge; the copies missed are very short texts that lost a whole sentence
out of four.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

import numpy as np
from sqlalchemy import insert, select
from sqlalchemy.exc import SQLAlchemyError

from ..store import Store
from ..store import schema as t

logger = logging.getLogger(__name__)

SHINGLE_WORDS = 3
NUM_PERM = 64
SEED = 7
SCHEME = f"w{SHINGLE_WORDS}-p{NUM_PERM}-s{SEED}"
SYNDICATION_THRESHOLD = 0.4
# banding for large candidate sets: 32 bands x 2 rows makes a pair at J = 0.4 a candidate with p > 0.99
_BANDS, _ROWS = 32, 2
_PAIRWISE_LIMIT = 400

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    """Word k-shingles of ``text`` (lower case, punctuation ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash signature (uint64 array of NUM_PERM values) of a text's shingles."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    grams = shingles(text)
    if grams:
        minhash.update_batch(list(grams))
    return np.asarray(minhash.hashvalues, dtype=np.uint64)


def similarity(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(sig_a == sig_b))


def _body(text: str, title_end: int | None) -> str:
    # the headline is the part wire copies change most: compare bodies
    return text[title_end:] if title_end and 0 < title_end < len(text) else text


def load_signatures(store: Store, doc_ids: Iterable[str]) -> dict[str, np.ndarray]:
    """Signatures of ``doc_ids``: cached ones read back, missing ones computed and cached."""
    wanted = sorted(set(doc_ids))
    found: dict[str, np.ndarray] = {}
    if not wanted:
        return found
    ds = t.doc_signatures
    with store.engine.connect() as c:
        for chunk in _chunks(wanted, 500):
            rows = c.execute(select(ds.c.doc_id, ds.c.signature).where(ds.c.doc_id.in_(chunk), ds.c.scheme == SCHEME))
            for doc_id, blob in rows:
                found[doc_id] = np.frombuffer(bytes(blob), dtype=np.uint64)
        missing = [d for d in wanted if d not in found]
        new_rows = []
        for chunk in _chunks(missing, 200):
            docs = c.execute(
                select(t.documents.c.doc_id, t.documents.c.text, t.documents.c.title_end)
                .where(t.documents.c.doc_id.in_(chunk))
            )
            for doc_id, text, title_end in docs:
                sig = signature(_body(text or "", title_end))
                found[doc_id] = sig
                new_rows.append({"doc_id": doc_id, "scheme": SCHEME, "signature": sig.tobytes()})
    if new_rows:
        _save(store, new_rows)
    return found


def _save(store: Store, rows: list[dict[str, object]]) -> None:
    ds = t.doc_signatures
    try:
        with store.engine.begin() as c:
            present = set()
            for chunk in _chunks([str(r["doc_id"]) for r in rows], 500):
                present |= set(c.execute(select(ds.c.doc_id).where(ds.c.doc_id.in_(chunk))).scalars())
            stale = [r for r in rows if r["doc_id"] in present]
            fresh = [r for r in rows if r["doc_id"] not in present]
            for row in stale:  # computed under another scheme: replace
                c.execute(ds.update().where(ds.c.doc_id == row["doc_id"]).values(**row))
            if fresh:
                # another process may cache the same documents' signatures at the same moment
                # (two readers of a new pair): theirs are equal, keep whichever came first
                c.execute(_insert_ignoring_duplicates(c, ds), fresh)
    except SQLAlchemyError as exc:  # a read-only database still answers; it only recomputes next time
        logger.warning("could not cache document signatures: %s", exc)


def _insert_ignoring_duplicates(c: Any, table: Any) -> Any:
    if c.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif c.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert  # type: ignore[assignment]
    else:
        return insert(table)
    return dialect_insert(table).on_conflict_do_nothing(index_elements=[table.c.doc_id])


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def group_signatures(signatures: dict[str, np.ndarray], threshold: float = SYNDICATION_THRESHOLD) -> dict[str, str]:
    """Connected components of 'near-duplicate' pairs: doc_id -> story id (the smallest doc_id of
    its component, so the answer does not depend on the order documents arrived in)."""
    ids = sorted(signatures)
    parent = {d: d for d in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    if len(ids) <= _PAIRWISE_LIMIT:
        # every pair at once: one row comparison per document (a timeline page's few hundred
        # documents take about a millisecond, where pair-by-pair calls took tens)
        matrix = np.stack([signatures[d] for d in ids]) if ids else np.empty((0, NUM_PERM), dtype=np.uint64)
        for i in range(len(ids) - 1):
            agreement = (matrix[i + 1:] == matrix[i]).mean(axis=1)
            for j in np.nonzero(agreement >= threshold)[0]:
                union(ids[i], ids[i + 1 + int(j)])
        return {d: find(d) for d in ids}
    for x, y in _candidate_pairs(ids, signatures):
        if similarity(signatures[x], signatures[y]) >= threshold:
            union(x, y)
    return {d: find(d) for d in ids}


def _candidate_pairs(ids: list[str], signatures: dict[str, np.ndarray]) -> Iterable[tuple[str, str]]:
    """Pairs that share a band of their signatures (LSH): near-duplicates, with few others."""
    seen: set[tuple[str, str]] = set()
    for band in range(_BANDS):
        buckets: dict[bytes, list[str]] = {}
        for d in ids:
            key = signatures[d][band * _ROWS:(band + 1) * _ROWS].tobytes()
            buckets.setdefault(key, []).append(d)
        for members in buckets.values():
            for i, x in enumerate(members):
                for y in members[i + 1:]:
                    if (x, y) not in seen:
                        seen.add((x, y))
                        yield x, y


def story_groups(store: Store, doc_ids: Iterable[str]) -> dict[str, str]:
    """doc_id -> story id for ``doc_ids`` (near-duplicates share a story id)."""
    return group_signatures(load_signatures(store, doc_ids))
