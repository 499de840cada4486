"""Measure the near-duplicate threshold of diplograph.kb.syndication on the project's examples.

Positive pairs: each example article against lightly edited copies of itself (a dateline added, one
sentence dropped, a few words replaced, the ending cut, all of these together) and the corpus's own
wire copy. Negative pairs: every two different example articles (many about the same kind of event).
Prints the similarity ranges and the errors at the shipped threshold.

    PYTHONPATH=src .venv/bin/python bench/kb_syndication.py
"""

from __future__ import annotations

import json
import random
import re
from itertools import combinations
from pathlib import Path

from diplograph.kb.syndication import SYNDICATION_THRESHOLD, signature, similarity

ROOT = Path(__file__).resolve().parents[1]
SWAPS = {"agreed": "decided", "talks": "discussions", "Monday": "Monday afternoon", "upgrade": "elevation",
         "said": "stated", "relations": "ties", "countries": "nations", "two": "both"}


def edits(text: str, rng: random.Random) -> dict[str, str]:
    sentences = re.split(r"(?<=\.)\s+", text)
    dropped = " ".join(s for i, s in enumerate(sentences) if i != rng.randrange(len(sentences))) \
        if len(sentences) > 2 else text
    swapped = text
    for old, new in rng.sample(sorted(SWAPS.items()), 3):
        swapped = swapped.replace(old, new, 1)
    cut = " ".join(sentences[:max(2, len(sentences) - 1)])
    combined = "HANOI (Wire) - " + " ".join(re.split(r"(?<=\.)\s+", swapped)[:max(2, len(sentences) - 1)])
    return {"dateline": "HANOI (Wire) - " + text, "drop-sentence": dropped, "reword": swapped, "cut-end": cut,
            "all-edits": combined}


def main() -> None:
    rng = random.Random(5)
    records = [json.loads(line) for line in (ROOT / "examples/news/articles.jsonl").open(encoding="utf-8")]
    texts = {r["id"]: r["text"] for r in records}
    sigs = {k: signature(v) for k, v in texts.items()}
    positives: list[tuple[str, float]] = []
    for key, text in texts.items():
        for kind, edited in edits(text, rng).items():
            positives.append((f"{key}/{kind}", similarity(sigs[key], signature(edited))))
    positives.append(("corpus wire copy", similarity(sigs["ex-jpn-vnm-csp"], sigs["ex-jpn-vnm-csp-copy"])))
    negatives = [(f"{x}~{y}", similarity(sigs[x], sigs[y])) for x, y in combinations(sorted(texts), 2)
                 if {x, y} != {"ex-jpn-vnm-csp", "ex-jpn-vnm-csp-copy"}]
    pos = sorted(v for _, v in positives)
    neg = sorted(v for _, v in negatives)
    print(f"positive pairs (edited copies): n={len(pos)} min={pos[0]:.2f} p10={pos[len(pos) // 10]:.2f} "
          f"median={pos[len(pos) // 2]:.2f}")
    print(f"negative pairs (different articles): n={len(neg)} max={neg[-1]:.2f} p99={neg[int(len(neg) * .99)]:.2f} "
          f"median={neg[len(neg) // 2]:.2f}")
    by_kind: dict[str, list[float]] = {}
    for name, value in positives:
        by_kind.setdefault(name.split("/")[-1], []).append(value)
    for kind, values in sorted(by_kind.items()):
        print(f"  {kind:16} min={min(values):.2f} mean={sum(values) / len(values):.2f}")
    missed = [(n, v) for n, v in positives if v < SYNDICATION_THRESHOLD]
    merged = [(n, v) for n, v in negatives if v >= SYNDICATION_THRESHOLD]
    print(f"threshold {SYNDICATION_THRESHOLD}: missed copies {len(missed)}/{len(pos)}, "
          f"merged different articles {len(merged)}/{len(neg)}")
    for name, value in missed[:10]:
        print(f"  missed {name} {value:.2f}")
    for name, value in merged[:10]:
        print(f"  merged {name} {value:.2f}")


if __name__ == "__main__":
    main()
