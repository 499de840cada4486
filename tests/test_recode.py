"""`recode` replaces the observations of documents coded by another extractor version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import update

from diplograph.code.document import EXTRACTOR_VERSION
from diplograph.ingest import ingest
from diplograph.recode import recode
from diplograph.settings import load_options
from diplograph.store import Store
from diplograph.store.schema import documents, events

pytestmark = pytest.mark.model
FIXTURES = Path(__file__).parent / "fixtures" / "news"


def test_recode_replaces_outdated_observations_only(tmp_path: Path) -> None:
    db = str(tmp_path / "recode.sqlite")
    options = load_options(db=db, jobs=1)
    ingest([str(FIXTURES)], options, load_reference=False)
    store = Store(db)
    before = sorted((e["doc_id"], e["event"], e["sentence"]) for e in store.iter_events())
    assert before, "the fixtures should yield events"
    (old_doc, *_) = sorted({d for d, _, _ in before})
    with store.engine.begin() as c:
        # pretend one document was coded by an older extractor whose output was wrong
        c.execute(update(documents).where(documents.c.doc_id == old_doc).values(extractor="old-0"))
        c.execute(update(events).where(events.c.doc_id == old_doc).values(event="ASSAULT"))
    report = recode(options)
    assert report.recoded == 1
    after = sorted((e["doc_id"], e["event"], e["sentence"]) for e in store.iter_events())
    assert after == before
    assert {d["extractor"] for d in store.iter_documents()} == {EXTRACTOR_VERSION}
    # nothing is outdated now: a second recode does nothing, --all re-codes everything the same way
    assert recode(options).recoded == 0
    assert recode(options, everything=True).recoded == 3
    assert sorted((e["doc_id"], e["event"], e["sentence"]) for e in store.iter_events()) == before


def test_recode_refreshes_sectors_of_events_coded_before_them(tmp_path: Path) -> None:
    db = str(tmp_path / "sectors.sqlite")
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({
        "id": "own-1", "title": "Police detain protesters in Tbilisi", "published": "2024-11-30",
        "text": "Georgian police detained dozens of protesters in Tbilisi on Friday. "
                "Thai troops shelled Cambodian positions on Thursday."}) + "\n", encoding="utf-8")
    options = load_options(db=db, jobs=1)
    ingest([str(records)], options, load_reference=False)
    store = Store(db)
    coded = {(e["sentence"], e["event"]): (e["actor_sectors"], e["recipient_sectors"]) for e in store.iter_events()}
    assert ("COP" in {s for a, _ in coded.values() for s in a}
            and "MIL" in {s for a, _ in coded.values() for s in a}), coded
    with store.engine.begin() as c:
        # rows as the coder before sectors (events-2, migration 0004) left them
        c.execute(update(documents).values(extractor="events-2+lexicon-2+frameworks-1"))
        c.execute(update(events).values(actor_sectors=None, recipient_sectors=None))
    assert all(set(e["actor_sectors"] + e["recipient_sectors"]) <= {None} for e in store.iter_events())
    assert recode(options).recoded == 1
    assert {(e["sentence"], e["event"]): (e["actor_sectors"], e["recipient_sectors"])
            for e in store.iter_events()} == coded
