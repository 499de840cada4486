"""How long `diplograph evaluate` takes on a set of articles, model load apart.

    PYTHONPATH=src python bench/bench_evaluate.py [PATH...] [--articles 40]

Without PATH it builds ``--articles`` synthetic annotated articles of 12 sentences (templated wire
sentences about varying pairs of states, annotated by the template) and evaluates them twice in
one process: the first run includes loading the spaCy model, the second shows the evaluation
alone (one ingest of all records into one temporary database, read back, scored)."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from diplograph.evaluation.annotations import build
from diplograph.evaluation.run import evaluate

STATES = [("Japan", "JPN"), ("Vietnam", "VNM"), ("India", "IND"), ("Brazil", "BRA"), ("Kenya", "KEN"),
          ("Norway", "NOR"), ("Chile", "CHL"), ("Egypt", "EGY"), ("Indonesia", "IDN"), ("Peru", "PER")]


def _event(kind: str, actor: list[str], recipient: list[str], date: str | None) -> dict[str, Any]:
    return {"event": kind, "actor": actor, "recipient": recipient, "modality": "asserted", "date": date,
            "date_precision": "day" if date else "none"}


def synthetic_draft(i: int) -> dict[str, Any]:
    (a, ac), (b, bc) = STATES[i % len(STATES)], STATES[(i * 3 + 1) % len(STATES)]
    if ac == bc:
        (b, bc) = STATES[(i + 1) % len(STATES)]
    day = f"2024-05-{(i % 20) + 1:02d}"
    title = f"{a} accuses {b} of breaking trade pledge number {i}"
    body = [
        (f"{a} accused {b} of breaking a trade pledge, officials said.", [_event("ACCUSE", [ac], [bc], day)]),
        (f"The two governments held talks in the capital on the dispute over item {i}.",
         [_event("CONSULT", [ac, bc], [], day)]),
        (f"Analysts said the quarrel over case {i * 7} was the worst in years.", "none"),
        (f"{b} rejected the accusation.", [_event("REJECT", [bc], [ac], day)]),
        ("Markets were calm through the afternoon.", "none"),
        (f"{a} called on {b} to resume talks.", [_event("REQUEST", [ac], [bc], day)]),
        (f"The ministry gave no figures for report {i}.", "none"),
        (f"{b} said it would send aid to {a} after the floods.", [_event("AID", [bc], [ac], day)]),
        ("The weather stayed mild.", "none"),
        (f"{a} and {b} agreed to meet again in June.", [_event("AGREE", [ac, bc], [], day)]),
        (f"Both sides described the exchange number {i} as frank.", "none"),
    ]
    sentences = [{"text": title, "title": True, "events": [_event("ACCUSE", [ac], [bc], day)]}]
    sentences += [{"text": text, "events": events} for text, events in body]
    return {
        "format": "diplograph-articles/1",
        "id": f"bench-{i:03d}",
        "record": {"id": f"bench-{i:03d}", "title": title, "published": day,
                   "text": "\n\n".join(text for text, _ in body)},
        "meta": {"set": "events", "written_by": "bench", "checked_by": "bench-check"},
        "sentences": sentences,
        "frameworks": [],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--articles", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-evaluate-") as folder:
        paths = args.paths
        if not paths:
            begin = time.perf_counter()
            for i in range(args.articles):
                Path(folder, f"bench-{i:03d}.json").write_text(json.dumps(build(synthetic_draft(i))), encoding="utf-8")
            print(f"built {args.articles} synthetic articles in {time.perf_counter() - begin:.1f} s")
            paths = [folder]
        for label in ("first run (model load included)", "second run (model loaded)"):
            begin = time.perf_counter()
            report = evaluate(paths).to_dict()
            seconds = time.perf_counter() - begin
            c = report["events"]["counts"]
            print(f"{label}: {seconds:.1f} s for {len(report['articles'])} articles, {c['sentences']} sentences "
                  f"({len(report['skipped'])} skipped); events F1 {report['events']['figures']['f1']}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
