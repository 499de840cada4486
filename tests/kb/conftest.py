"""Fixtures for the knowledge-base tests: a fresh store and hand-made articles with hand-made
observations (no spaCy model, no coder)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator

import pytest

from diplograph.model import Analysis, Document, Event, FrameworkObservation
from diplograph.store import Store


@pytest.fixture
def store(store_db: str) -> Iterator[Store]:
    """A fresh store on SQLite and on PostgreSQL (``store_db`` is parametrised over both)."""
    db = Store(store_db)
    yield db
    db.close()


AddArticle = Callable[..., str]


@pytest.fixture
def add_article(store: Store) -> AddArticle:
    """Write one article with its observations; returns its doc_id (the hash of its text)."""

    def add(text: str, published: str, frameworks: list[FrameworkObservation] | None = None,
            events: list[Event] | None = None, *, url: str | None = None, title: str | None = None,
            target: Store | None = None) -> str:
        doc_id = hashlib.sha256(text.encode()).hexdigest()[:32]
        document = Document(doc_id=doc_id, text=text, title=title, url=url or f"https://news.example/{doc_id[:8]}",
                            published=dt.date.fromisoformat(published), record_id=doc_id[:8])
        analysis = Analysis(frameworks=list(frameworks or []), events=list(events or []), extractor="test")
        (target or store).write_document(document, analysis)
        return doc_id

    return add
