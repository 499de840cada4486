"""The framework dev set (tests/code/data/framework_devset.jsonl): precision and recall per
status against a pinned baseline (framework_baseline.json); the test fails on a drop, like
trafilatura's evaluation gate. Sentences get their actors from the real ActorMatcher on
spacy.blank("en") and their dates from diplograph.dates.

Print the scores:  PYTHONPATH=src .venv/bin/python tests/code/test_frameworks_devset.py [--errors]
Re-pin after an improvement:  ... test_frameworks_devset.py --pin
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from diplograph.model import FrameworkObservation, Sentence

DATA = Path(__file__).parent / "data"
DEVSET = DATA / "framework_devset.jsonl"
BASELINE = DATA / "framework_baseline.json"
STATUSES = ("established", "existing", "intended", "ended")
# a drop larger than this (absolute) fails the gate; rounding noise stays below it
TOLERANCE = 0.005


def load_devset() -> list[dict]:
    return [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]


class RealBuilder:
    """Sentences of a dev-set item with mentions from ActorMatcher and dates from the dates stage."""

    def __init__(self) -> None:
        import spacy

        from diplograph.actors import ActorMatcher
        from diplograph.dates import assign_sentence_dates

        self.nlp = spacy.blank("en")
        self.matcher = ActorMatcher(self.nlp)
        self.assign_dates = assign_sentence_dates

    def __call__(self, item: dict) -> list[Sentence]:
        published = dt.date.fromisoformat(item["published"])
        lines = ([item["title"]] if item.get("title") else []) + item["sentences"]
        text = "\n".join(lines)
        title_end = len(item["title"]) if item.get("title") else None
        mentions = self.matcher.find_mentions(self.nlp(text), published, title_end)
        sentences: list[Sentence] = []
        offset = 0
        for i, line in enumerate(lines):
            end = offset + len(line)
            own = [m for m in mentions if offset <= m.start and m.end <= end]
            sentences.append(Sentence(i, offset, end, line, own, bool(item.get("title")) and i == 0))
            offset = end + 1
        self.assign_dates(sentences, published)
        return sentences


def _matches(expected: dict, obs: FrameworkObservation) -> bool:
    if (obs.a, obs.b, obs.tier, obs.status) != (expected["a"], expected["b"], expected["tier"], expected["status"]):
        return False
    if bool(expected.get("in_title")) != obs.in_title:
        return False
    return not ("date" in expected and obs.date.iso() != expected["date"])


def score(builder, items: list[dict] | None = None) -> tuple[dict, list[str]]:
    """Precision, recall and F1 per status and overall (micro), and a list of the errors."""
    from diplograph.code.frameworks import extract_frameworks

    items = items if items is not None else load_devset()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    errors: list[str] = []
    for item in items:
        sentences = builder(item)
        predicted = extract_frameworks(sentences, dt.date.fromisoformat(item["published"]))
        unmatched = list(predicted)
        for exp in item["expected"]:
            hit = next((o for o in unmatched if _matches(exp, o)), None)
            if hit is None:
                fn[exp["status"]] += 1
                errors.append(f"{item['id']} MISSED {exp['a']}-{exp['b']} {exp['tier']} {exp['status']} "
                              f"{exp.get('date', '')}{' title' if exp.get('in_title') else ''}")
            else:
                tp[exp["status"]] += 1
                unmatched.remove(hit)
        for o in unmatched:
            fp[o.status] += 1
            errors.append(f"{item['id']} EXTRA  {o.a}-{o.b} {o.tier} {o.status} {o.date.iso() or ''} "
                          f"label={o.label!r}{' title' if o.in_title else ''}")
    scores: dict[str, dict[str, float]] = {}
    for status in (*STATUSES, "all"):
        t = sum(tp.values()) if status == "all" else tp[status]
        p = t + (sum(fp.values()) if status == "all" else fp[status])
        g = t + (sum(fn.values()) if status == "all" else fn[status])
        prec = t / p if p else 1.0
        rec = t / g if g else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        scores[status] = {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3),
                          "support": g}
    return scores, errors


@pytest.fixture(scope="module")
def builder() -> RealBuilder:
    try:
        return RealBuilder()
    except ImportError as exc:  # the actor or dates stage is not there (yet)
        pytest.skip(f"framework dev set needs diplograph.actors and diplograph.dates: {exc}")


def test_devset_is_large_and_covers_every_status() -> None:
    items = load_devset()
    assert len(items) >= 150
    statuses = Counter(e["status"] for item in items for e in item["expected"])
    assert all(statuses[s] >= 8 for s in STATUSES), statuses
    assert sum(1 for item in items if not item["expected"]) >= 30  # negatives


def test_devset_scores_do_not_drop_below_the_baseline(builder: RealBuilder) -> None:
    scores, errors = score(builder)
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))["scores"]
    drops = []
    for status, pinned in baseline.items():
        for metric in ("precision", "recall"):
            if scores[status][metric] < pinned[metric] - TOLERANCE:
                drops.append(f"{status} {metric}: {scores[status][metric]:.3f} < pinned {pinned[metric]:.3f}")
    assert not drops, "dev-set scores dropped:\n" + "\n".join(drops) + "\nerrors:\n" + "\n".join(errors[:40])


def _main(argv: list[str]) -> None:
    scores, errors = score(RealBuilder())
    for status, s in scores.items():
        print(f"{status:12s} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} n={s['support']}")
    if "--errors" in argv:
        print("\n".join(errors))
    if "--pin" in argv:
        from diplograph.code.frameworks import FRAMEWORK_EXTRACTOR_VERSION

        BASELINE.write_text(json.dumps({"extractor": FRAMEWORK_EXTRACTOR_VERSION, "items": len(load_devset()),
                                        "scores": scores}, indent=2) + "\n", encoding="utf-8")
        print(f"pinned {BASELINE}")


if __name__ == "__main__":
    _main(sys.argv[1:])
