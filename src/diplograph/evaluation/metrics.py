"""The arithmetic every article-level score shares: ratios, P/R/F1, rounding, one-to-one pairing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

G = TypeVar("G")
S = TypeVar("S")

DECIMALS = 3


def ratio(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator`` rounded to 3 decimals; None when there is nothing to divide."""
    if denominator <= 0:
        return None
    return round(numerator / denominator, DECIMALS)


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return round(2 * precision * recall / (precision + recall), DECIMALS)


def prf(found_gold: int, gold: int, matched_system: int, system: int) -> dict[str, float | None]:
    """Precision (matched system items / system items), recall (found gold items / gold items) and
    their F1. The two numerators differ only where a gold item is found without using up a system
    item (a headline event folded into its body event)."""
    precision = ratio(matched_system, system)
    recall = ratio(found_gold, gold)
    # F1 from the unrounded ratios, so that it does not inherit the rounding of both
    p = matched_system / system if system else None
    r = found_gold / gold if gold else None
    return {"precision": precision, "recall": recall, "f1": f1(p, r)}


def best_pairing(
    golds: Sequence[G], systems: Sequence[S], weight: Callable[[G, S], float | None]
) -> list[tuple[int, int]]:
    """The one-to-one pairing of ``golds`` with ``systems`` with the most pairs and, among those,
    the largest total weight. ``weight`` returns None for two items that may not pair.

    The Hungarian method (scipy) on a matrix where every allowed pair is worth far more than any
    sum of weights, so the number of pairs comes first."""
    if not golds or not systems:
        return []
    allowed = [[weight(g, s) for s in systems] for g in golds]
    if not any(w is not None for row in allowed for w in row):
        return []
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    top = 1.0 + sum(max((w for w in row if w is not None), default=0.0) for row in allowed)
    matrix = np.array([[0.0 if w is None else top + w for w in row] for row in allowed])
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True) if allowed[i][j] is not None]
