"""The recorded held-out scores (``eval/articles/baseline.json``) and the gate that holds them.

The baseline pins, for each held-out set, the set's fingerprint (:func:`sets.set_sha256`), the
coder version and the gated figures of its section (events for the events set, frameworks for the
frameworks set). The gate fails when a gated figure falls below the recorded one (above, for the
figures where lower is better); tolerance 0, since every figure is a ratio of counts. A better
score is locked in by recording it again (``python tools/eval_baseline.py --update``), which is
also the only way to change a held-out set: its fingerprint must match the recorded one."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "diplograph-articles-baseline/1"
BASELINE_FILE = "baseline.json"  # in eval/articles/
HELD_OUT_SETS = {"events/held-out": "events", "frameworks/held-out": "frameworks"}

HIGHER, LOWER = "higher", "lower"
GATES: dict[str, dict[str, str]] = {
    "events": {
        "precision": HIGHER, "recall": HIGHER, "f1": HIGHER, "dyad_accuracy": HIGHER,
        "modality_accuracy": HIGHER, "date_accuracy": HIGHER, "sector_accuracy": HIGHER,
        "quiet_sentence_false_alarm_rate": LOWER,
    },
    "frameworks": {
        "established_precision": HIGHER, "established_recall": HIGHER, "established_f1": HIGHER,
        "label_accuracy": HIGHER, "date_accuracy": HIGHER, "intended_not_established_share": HIGHER,
        "existing_recall": HIGHER, "false_upgrades": LOWER,
    },
}
HOW_TO_UPDATE = ("python tools/eval_baseline.py --update (after a deliberate change of a held-out set, or to "
                 "lock in a better score; say why in the commit)")


def empty_baseline() -> dict[str, Any]:
    return {
        "format": FORMAT,
        "update": HOW_TO_UPDATE,
        "sets": {name: {"section": section, "sha256": None, "extractor": None, "articles": None, "figures": None,
                        "counts": None}
                 for name, section in HELD_OUT_SETS.items()},
    }


def load_baseline(path: str | Path) -> dict[str, Any]:
    """The recorded baseline (an empty one when the file does not exist yet)."""
    path = Path(path)
    if not path.is_file():
        return empty_baseline()
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"{path}: format is not {FORMAT!r}")
    return data


def save_baseline(path: str | Path, data: dict[str, Any]) -> None:
    Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def gated_figures(section: str, report: dict[str, Any]) -> dict[str, Any]:
    """The gated figures of one section of an evaluation report (``Evaluation.to_dict()``)."""
    part = report[section]
    values = {**part["counts"], **part["figures"]}
    return {name: values[name] for name in GATES[section]}


def entry(section: str, sha256: str | None, report: dict[str, Any]) -> dict[str, Any]:
    """What the baseline records for one set after an evaluation."""
    return {
        "section": section,
        "sha256": sha256,
        "extractor": report.get("extractor"),
        "articles": len(report["articles"]),
        "figures": gated_figures(section, report),
        "counts": report[section]["counts"],
    }


def compare(section: str, recorded: dict[str, Any], current: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(regressions, improvements) of ``current`` against ``recorded`` gated figures. A figure
    recorded as null (nothing to measure then) gates nothing; one that became null regressed."""
    regressions: list[str] = []
    improvements: list[str] = []
    for name, direction in GATES[section].items():
        before, now = recorded.get(name), current.get(name)
        if before is None:
            continue
        if now is None:
            regressions.append(f"{section} {name}: recorded {before}, now nothing to measure")
            continue
        worse = now < before if direction == HIGHER else now > before
        better = now > before if direction == HIGHER else now < before
        if worse:
            regressions.append(f"{section} {name}: {now} is {'below' if direction == HIGHER else 'above'} "
                               f"the recorded {before}")
        elif better:
            improvements.append(f"{section} {name}: {now} (recorded {before})")
    return regressions, improvements


@dataclass
class GateOutcome:
    """One held-out set against its recorded scores.

    ``state``: ``empty`` (no files), ``unrecorded`` (no scores recorded yet), ``changed`` (the set's
    fingerprint differs from the recorded one), ``unscorable`` (some articles were skipped),
    ``regressed``, or ``ok``."""

    name: str
    state: str
    sha256: str | None = None
    report: dict[str, Any] | None = None
    regressions: list[str] = field(default_factory=list)
    improvements: list[str] = field(default_factory=list)
    detail: str = ""

    @property
    def failed(self) -> bool:
        return self.state in ("changed", "unscorable", "regressed")


def check_held_out(articles: str | Path, name: str, baseline: dict[str, Any]) -> GateOutcome:
    """Evaluate the held-out set ``name`` (``events/held-out``...) under ``articles`` and compare
    it with what ``baseline`` records for it."""
    from .run import evaluate
    from .sets import set_sha256

    section = HELD_OUT_SETS[name]
    folder = Path(articles) / name
    sha = set_sha256(folder)
    if sha is None:
        return GateOutcome(name, "empty", detail=f"{name} is empty")
    report = evaluate([folder]).to_dict()
    outcome = GateOutcome(name, "ok", sha, report)
    if report["skipped"]:
        outcome.state = "unscorable"
        outcome.detail = "; ".join(f"{s['path']}: {s['reason']}" for s in report["skipped"])
        return outcome
    recorded = baseline["sets"].get(name) or {}
    if recorded.get("figures") is None:
        outcome.state = "unrecorded"
        outcome.detail = f"{name} has no recorded scores: {HOW_TO_UPDATE}"
        return outcome
    outcome.regressions, outcome.improvements = compare(section, recorded["figures"], gated_figures(section, report))
    if recorded.get("sha256") != sha:
        outcome.state = "changed"
        outcome.detail = (f"{name} changed since its scores were recorded (sha256 {sha}, recorded "
                          f"{recorded.get('sha256')}): a held-out set changes only deliberately, with its "
                          f"scores recorded again ({HOW_TO_UPDATE})")
    elif outcome.regressions:
        outcome.state = "regressed"
        outcome.detail = f"{name}: scores fell below the baseline: " + "; ".join(outcome.regressions)
    return outcome


def record(baseline: dict[str, Any], outcome: GateOutcome) -> None:
    """Record ``outcome``'s scores and fingerprint in ``baseline`` (``--update``)."""
    if outcome.report is None or outcome.state == "unscorable":
        raise ValueError(f"{outcome.name}: nothing to record ({outcome.state}: {outcome.detail})")
    baseline["sets"][outcome.name] = entry(HELD_OUT_SETS[outcome.name], outcome.sha256, outcome.report)
