"""Record or check the held-out scores of the article sets (eval/articles/baseline.json).

    python tools/eval_baseline.py            # check: evaluate each held-out set, compare, exit 1 on a failure
    python tools/eval_baseline.py --update   # record the current scores and set fingerprints
    python tools/eval_baseline.py --hash     # print the SHA-256 of every set folder

tests/evaluation/test_eval_baseline_gate.py runs the same check in CI. Record (``--update``) only
deliberately: after a change of a held-out set (its fingerprint no longer matches), or to lock in
a better score (a gain that is not recorded can be lost again without the gate noticing). Say in
the commit why the baseline moved."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diplograph.evaluation.baseline import (
    BASELINE_FILE,
    HELD_OUT_SETS,
    check_held_out,
    gated_figures,
    load_baseline,
    record,
    save_baseline,
)
from diplograph.evaluation.sets import SET_KINDS, SPLITS, set_sha256

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "eval" / "articles"


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="Record the current scores.")
    parser.add_argument("--hash", action="store_true", help="Print the fingerprint of every set folder.")
    parser.add_argument("--articles", type=Path, default=ARTICLES, help="The eval/articles folder.")
    args = parser.parse_args(argv)
    if args.hash:
        for kind in SET_KINDS:
            for split in SPLITS:
                _say(f"{kind}/{split}: {set_sha256(args.articles / kind / split) or '(empty)'}")
        return 0
    path = args.articles / BASELINE_FILE
    baseline = load_baseline(path)
    failed = False
    for name, section in HELD_OUT_SETS.items():
        outcome = check_held_out(args.articles, name, baseline)
        if outcome.state == "empty":
            _say(f"{name}: empty, nothing to score")
            continue
        if outcome.state == "unscorable":
            _say(f"{name}: articles that cannot be scored: {outcome.detail}")
            failed = True
            continue
        assert outcome.report is not None
        figures = gated_figures(section, outcome.report)
        if args.update:
            record(baseline, outcome)
            _say(f"{name}: recorded {figures}")
            continue
        for line in outcome.regressions:
            _say(f"{name}: REGRESSION {line}")
        for line in outcome.improvements:
            _say(f"{name}: better {line} (lock it in with --update)")
        if outcome.state in ("unrecorded", "changed"):
            _say(f"{name}: {outcome.detail}; now {figures}")
        elif outcome.state == "ok" and not outcome.improvements:
            _say(f"{name}: as recorded")
        failed = failed or outcome.failed
    if args.update:
        save_baseline(path, baseline)
        _say(f"wrote {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
