"""The project's annotated article sets (``eval/articles/{events,frameworks}/{dev,held-out}``):
their fingerprint and the quotas they must meet (``eval/articles/README.md``)."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..model import PLOVER_TYPES
from .annotations import AnnotatedArticle

SET_KINDS = ("events", "frameworks")
SPLITS = ("dev", "held-out")

EVENTS_QUOTAS = {
    "articles": 40,
    "min_sentences": 8,
    "max_sentences": 20,
    "events_per_type": 5,
    "quiet_sentence_share": 0.25,
    "held_out_share": 0.40,
}
FRAMEWORKS_QUOTAS = {
    "articles": 40,
    "intended": 40,
    "existing": 60,
    "established": 60,
    "max_about_vietnam": 10,
    "min_about_each": 3,
    "held_out_share": 0.40,
}
FRAMEWORKS_FOCUS = ("CHN", "IND", "IDN", "AUS", "JPN", "KOR", "EU", "ASEAN")


def set_files(folder: str | Path) -> list[Path]:
    """The ``*.json`` files of a set folder (recursive), sorted by their path inside it."""
    root = Path(folder)
    if not root.is_dir():
        return []
    return sorted((p for p in root.rglob("*.json") if p.is_file()), key=lambda p: p.relative_to(root).as_posix())


def set_sha256(folder: str | Path) -> str | None:
    """The fingerprint of a set: SHA-256 over its sorted files, each as its path inside the folder
    (POSIX), a NUL, the SHA-256 of its bytes and a newline. None for an empty or absent folder.
    Any change of a file, a new file or a removed one changes it."""
    root = Path(folder)
    files = set_files(root)
    if not files:
        return None
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).hexdigest().encode("ascii") + b"\n")
    return digest.hexdigest()


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _meta_problems(articles: Sequence[AnnotatedArticle], kind: str) -> list[str]:
    problems = []
    for article in articles:
        meta = article.data.get("meta") or {}
        written, checked = meta.get("written_by"), meta.get("checked_by")
        if not written or not checked:
            problems.append(f"{article.path}: meta.written_by and meta.checked_by must both be set")
        elif written == checked:
            problems.append(f"{article.path}: written and checked by the same person ({written})")
        if meta.get("set") != kind:
            problems.append(f"{article.path}: meta.set is {meta.get('set')!r}, not {kind!r}")
        for problem in article.problems:
            problems.append(f"{article.path}: {problem}")
    return problems


def _held_out_problem(dev: Sequence[AnnotatedArticle], held_out: Sequence[AnnotatedArticle], share: float) -> list[str]:
    total = len(dev) + len(held_out)
    if _share(len(held_out), total) < share:
        return [f"{len(held_out)} of {total} articles held out: at least {share:.0%} must be"]
    return []


def events_quota_problems(dev: Sequence[AnnotatedArticle], held_out: Sequence[AnnotatedArticle]) -> list[str]:
    """Why the events set does not meet its quotas (empty when it does). An ``A|B`` event counts
    for no type: the quota is about events that test one type."""
    q = EVENTS_QUOTAS
    articles = [*dev, *held_out]
    problems = _meta_problems(articles, "events")
    if len(articles) < q["articles"]:
        problems.append(f"{len(articles)} articles: at least {q['articles']} are needed")
    per_type: Counter[str] = Counter()
    sentences = quiet = 0
    for article in articles:
        n = len(article.sentences)
        if not q["min_sentences"] <= n <= q["max_sentences"]:
            problems.append(f"{article.path}: {n} sentences, not {q['min_sentences']}-{q['max_sentences']}")
        sentences += n
        for sentence in article.sentences:
            events = sentence.get("events")
            if events == "none":
                quiet += 1
            elif isinstance(events, list):
                per_type.update(str(e.get("event")) for e in events if isinstance(e, dict))
    short = {t: per_type[t] for t in PLOVER_TYPES if per_type[t] < q["events_per_type"]}
    if short:
        problems.append(f"types with fewer than {q['events_per_type']} gold events: "
                        + ", ".join(f"{t} {n}" for t, n in short.items()))
    if _share(quiet, sentences) < q["quiet_sentence_share"]:
        problems.append(f"{quiet} of {sentences} sentences have no event: at least "
                        f"{q['quiet_sentence_share']:.0%} must")
    return problems + _held_out_problem(dev, held_out, q["held_out_share"])


def frameworks_quota_problems(dev: Sequence[AnnotatedArticle], held_out: Sequence[AnnotatedArticle]) -> list[str]:
    """Why the frameworks set does not meet its quotas (empty when it does). A disagreement fact
    counts for no status; ``meta.about`` holds the parties an article is about."""
    q = FRAMEWORKS_QUOTAS
    articles = [*dev, *held_out]
    problems = _meta_problems(articles, "frameworks")
    if len(articles) < q["articles"]:
        problems.append(f"{len(articles)} articles: at least {q['articles']} are needed")
    statuses: Counter[str] = Counter()
    about: Counter[str] = Counter()
    for article in articles:
        statuses.update(str(f.get("status")) for f in article.frameworks
                        if isinstance(f, dict) and not f.get("disagreement"))
        about.update(set((article.data.get("meta") or {}).get("about") or ()))
    for status in ("intended", "existing", "established"):
        if statuses[status] < q[status]:
            problems.append(f"{statuses[status]} {status} facts: at least {q[status]} are needed")
    if about["VNM"] > q["max_about_vietnam"]:
        problems.append(f"{about['VNM']} articles about VNM: at most {q['max_about_vietnam']}")
    short = {code: about[code] for code in FRAMEWORKS_FOCUS if about[code] < q["min_about_each"]}
    if short:
        problems.append(f"fewer than {q['min_about_each']} articles about: "
                        + ", ".join(f"{c} {n}" for c, n in short.items()))
    return problems + _held_out_problem(dev, held_out, q["held_out_share"])


QUOTA_CHECKS = {"events": events_quota_problems, "frameworks": frameworks_quota_problems}
