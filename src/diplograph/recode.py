"""Re-code stored documents after the rules or the model changed."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .ingest import rebuild_stale_facts
from .model import Document
from .settings import Options
from .store import Store

logger = logging.getLogger(__name__)


@dataclass
class RecodeReport:
    documents: int = 0
    recoded: int = 0
    events: int = 0
    frameworks: int = 0


def stored_documents(store: Store, *, outdated_from: str | None) -> Iterator[Document]:
    """Stored documents as pipeline Documents; only those not coded by ``outdated_from`` when given."""
    for row in store.iter_documents():
        if outdated_from is not None and row["extractor"] == outdated_from:
            continue
        title_end = row.get("title_end")
        yield Document(
            doc_id=row["doc_id"],
            text=row["text"],
            title=row["title"],
            url=row["url"],
            published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
            language=row["language"],
            removed=row["removed"],
            title_span=(0, title_end) if title_end else None,
        )


def recode(options: Options, *, everything: bool = False,
           progress: Callable[[int, int], None] | None = None) -> RecodeReport:
    """Replace the observations of every document coded by another extractor version (or of all);
    ``progress(done, total)`` after each document, total being the documents to re-code."""
    from .code.document import EXTRACTOR_VERSION, DocumentCoder

    report = RecodeReport()
    store = Store(options.db, create=False)
    try:
        report.documents = store.counts()["documents"]
        outdated_from = None if everything else EXTRACTOR_VERSION
        total = store.count_recodable(outdated_from=outdated_from) if progress is not None else 0
        if progress is not None:
            progress(0, total)
        coder = DocumentCoder(options)
        documents = stored_documents(store, outdated_from=outdated_from)
        english = (d for d in documents if d.language in (None, "en"))
        for document, analysis in coder.analyze_many(english):
            store.replace_analysis(document.doc_id, analysis)
            report.recoded += 1
            report.events += len(analysis.events)
            report.frameworks += len(analysis.frameworks)
            if progress is not None:
                progress(report.recoded, max(total, report.recoded))
        rebuild_stale_facts(store)
    finally:
        store.close()
    return report
