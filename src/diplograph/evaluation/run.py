"""``diplograph evaluate``: annotated articles through the ``ingest`` path, scored.

All records go through one real :func:`diplograph.ingest.ingest` run (read, clean, code; headline
and captions included) into one temporary SQLite database, without the reference frameworks
(extraction is always measured without them). The events and framework observations stored for
each document are then read back and scored against its article's annotations. An article that
cannot be scored (unreadable file, failed format check, missing or changed text, rejected by
ingest) is listed in ``skipped`` with the reason; it is never scored silently."""

from __future__ import annotations

import dataclasses
import json
import logging
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError
from ..settings import Options, load_options
from .annotations import AnnotatedArticle, iter_article_files, load_article
from .score_events import EventScore, EventTally, match_article, system_events
from .score_events import error_list as event_errors
from .score_frameworks import FrameworkScore, FrameworkTally, gold_facts, score_article, system_facts
from .score_frameworks import error_list as framework_errors

logger = logging.getLogger(__name__)

FORMAT = "diplograph-evaluation/1"


class TextFolder(Mapping[str, str]):
    """``--texts DIR``: the rebuilt text of a record without one is ``DIR/<record id>.txt``."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise ConfigError(f"--texts {self.folder}: not a folder")

    def _path(self, key: str) -> Path | None:
        if not key or "/" in key or "\\" in key or key.startswith("."):
            return None  # a record id is a file name here, never a path
        return self.folder / f"{key}.txt"

    def __getitem__(self, key: str) -> str:
        path = self._path(key)
        if path is None or not path.is_file():
            raise KeyError(key)
        return path.read_text(encoding="utf-8")

    def __iter__(self) -> Iterator[str]:
        return (p.stem for p in sorted(self.folder.glob("*.txt")))

    def __len__(self) -> int:
        return sum(1 for _ in self.folder.glob("*.txt"))


@dataclass
class ArticleResult:
    article: AnnotatedArticle
    doc_id: str
    events: EventScore
    frameworks: FrameworkScore


@dataclass
class Evaluation:
    """Scored articles and skipped ones; :meth:`to_dict` is the JSON report."""

    results: list[ArticleResult] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    extractor: str | None = None

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        events, frameworks = EventTally(), FrameworkTally()
        articles = []
        for result in self.results:
            events.add(result.events)
            frameworks.add(result.frameworks)
            one_events, one_frameworks = EventTally(), FrameworkTally()
            one_events.add(result.events)
            one_frameworks.add(result.frameworks)
            ev, fw = one_events.to_dict(), one_frameworks.to_dict()
            item: dict[str, Any] = {
                "id": result.article.id,
                "path": result.article.path,
                "set": result.article.set_name,
                "doc_id": result.doc_id,
                "events": {"counts": ev["counts"], "figures": ev["figures"], "errors": ev["errors"]},
                "frameworks": {"counts": fw["counts"], "figures": fw["figures"],
                               "false_upgrades": fw["false_upgrades"]},
            }
            if errors:
                item["error_list"] = {"events": event_errors(result.events),
                                      "frameworks": framework_errors(result.frameworks)}
            articles.append(item)
        return {
            "format": FORMAT,
            "extractor": self.extractor,
            "events": events.to_dict(),
            "frameworks": frameworks.to_dict(),
            "articles": articles,
            "skipped": list(self.skipped),
        }


def _skip(path: str, article_id: str | None, reason: str) -> dict[str, str]:
    logger.info("%s: skipped: %s", path, reason)  # the report lists it; the CLI prints it
    return {"path": path, "id": article_id or "", "reason": reason}


def _summary(problems: list[str], limit: int = 3) -> str:
    text = "; ".join(problems[:limit])
    return text + (f" (and {len(problems) - limit} more)" if len(problems) > limit else "")


def load_articles(paths: Iterable[str | Path], texts: Mapping[str, str] | None = None
                  ) -> tuple[list[AnnotatedArticle], list[dict[str, str]]]:
    """The articles under ``paths`` that can be scored, and the skipped ones with their reason.
    A path that does not exist is an error (InputError), not a skip."""
    files = list(iter_article_files(paths))
    if not files:
        raise InputError("no annotated article (*.json) under " + ", ".join(str(p) for p in paths),
                         reason="not-found")
    articles: list[AnnotatedArticle] = []
    skipped: list[dict[str, str]] = []
    for path in files:
        try:
            article = load_article(path, texts)
        except InputError as exc:
            skipped.append(_skip(str(path), None, exc.message))
            continue
        except Exception as exc:  # noqa: BLE001 - one malformed file must not stop the evaluation
            skipped.append(_skip(str(path), None, f"cannot be read as an annotated article: {type(exc).__name__}: {exc}"))
            continue
        if article.text is None:
            record_id = str(article.record.get("id") or article.id)
            if texts is None:
                reason = "the record carries no text: give --texts DIR with the rebuilt text"
            else:
                reason = f"no rebuilt text {record_id}.txt in the --texts folder"
            skipped.append(_skip(str(path), article.id, reason))
        elif article.problems:
            skipped.append(_skip(str(path), article.id, "fails the format check: " + _summary(article.problems)))
        else:
            articles.append(article)
    return articles, skipped


def evaluate(paths: Iterable[str | Path], *, texts_dir: str | Path | None = None, options: Options | None = None,
             jobs: int = 1) -> Evaluation:
    """Score the annotated articles under ``paths`` (files and folders of ``*.json``)."""
    from ..clean import document_id
    from ..ingest import ingest

    paths = list(paths)
    texts = TextFolder(texts_dir) if texts_dir is not None else None
    articles, skipped = load_articles(paths, texts)
    evaluation = Evaluation(skipped=skipped)
    if not articles:
        return evaluation
    options = options or load_options()
    with tempfile.TemporaryDirectory(prefix="diplograph-evaluate-") as folder:
        records = Path(folder) / "articles.jsonl"
        with records.open("w", encoding="utf-8") as out:
            for article in articles:
                out.write(json.dumps(article.record, ensure_ascii=False) + "\n")
        db = str(Path(folder) / "evaluate.sqlite")
        # no publication date or URL forced on the records: each keeps its own, as in the annotation
        run_options = dataclasses.replace(options, db=db, jobs=max(1, jobs), published=None, url=None)
        ingest([str(records)], run_options, load_reference=False)
        stored, rejects = _read_back(db, {document_id(a.text or "") for a in articles})
    for article in articles:
        doc_id = document_id(article.text or "")
        document = stored.get(doc_id)
        if document is None:
            why = rejects.get(str(article.record.get("id")))
            skipped.append(_skip(article.path, article.id, "ingest rejected it" + (f": {why}" if why else "")))
            continue
        if document["text"] != article.text:
            skipped.append(_skip(article.path, article.id, "the stored document text differs from the annotated "
                                 "cleaned text (the cleaning changed: rebuild the file)"))
            continue
        if not document["extractor"]:
            skipped.append(_skip(article.path, article.id, "ingest stored the document but could not code it"))
            continue
        evaluation.extractor = document["extractor"]
        sentences = article.sentences
        events = match_article(sentences, system_events(document["events"], sentences, article.text))
        frameworks = score_article(gold_facts(article.frameworks), system_facts(document["frameworks"]))
        evaluation.results.append(ArticleResult(article, doc_id, events, frameworks))
    return evaluation


def _read_back(db: str, doc_ids: set[str]) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """The stored text, coder version, events and news framework observations of each document,
    and the reason of each rejected record (by record id). Events are read as whole rows, so
    fields the coder may add later (sectors) come along."""
    from sqlalchemy import select

    from ..store import Store
    from ..store import schema as t

    out: dict[str, dict[str, Any]] = {}
    store = Store(db, create=False)
    try:
        with store.engine.connect() as c:
            for row in c.execute(select(t.documents.c.doc_id, t.documents.c.text, t.documents.c.extractor)
                                 .where(t.documents.c.doc_id.in_(doc_ids))).mappings():
                out[row["doc_id"]] = {"text": row["text"], "extractor": row["extractor"], "events": [],
                                      "frameworks": []}
            for row in c.execute(select(t.events).where(t.events.c.doc_id.in_(doc_ids))
                                 .order_by(t.events.c.id)).mappings():
                out[row["doc_id"]]["events"].append(dict(row))
            fo = t.framework_observations
            for row in c.execute(select(fo).where(fo.c.doc_id.in_(doc_ids), fo.c.source == "news")
                                 .order_by(fo.c.id)).mappings():
                out[row["doc_id"]]["frameworks"].append(dict(row))
        rejects = {str(r["record_id"]): f"{r['reason']}: {r['detail']}" for r in store.iter_rejects()}
    finally:
        store.close()
    return out, rejects
