"""The store: idempotent writes, sources of duplicates, observations, rejects, migrations."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect
from sqlalchemy import text as sql_text

from diplograph.kb import partners
from diplograph.model import (
    Analysis,
    DateValue,
    Document,
    Event,
    FrameworkObservation,
    Mention,
    Rejected,
)
from diplograph.store import Store, current_revision, head_revision, make_engine, migrate
from diplograph.store.schema import metadata


def make_document(text: str = "Japan and Vietnam agreed to upgrade ties.", **kw: object) -> Document:
    fields: dict[str, object] = {
        "doc_id": "d" + str(abs(hash(text)) % 10**12),
        "text": text,
        "title": None,
        "url": "https://example.org/a",
        "published": dt.date(2023, 11, 28),
        "record_id": "r1",
        "input": "a.jsonl#line 1",
        "language": "en",
    }
    fields.update(kw)
    return Document(**fields)  # type: ignore[arg-type]


def make_analysis() -> Analysis:
    return Analysis(
        mentions=[Mention(0, 5, "Japan", ("JPN",)), Mention(10, 17, "Vietnam", ("VNM",))],
        events=[
            Event(
                sentence="Japan and Vietnam agreed to upgrade ties.",
                event="AGREE",
                actor=["JPN", "VNM"],
                date=DateValue(dt.date(2023, 11, 27), "day"),
                contexts=["diplomatic"],
            )
        ],
        frameworks=[
            FrameworkObservation(
                a="VNM", b="JPN", label="comprehensive strategic partnership", tier="CSP",
                status="established", date=DateValue(dt.date(2023, 11, 27), "day"),
                evidence="Japan and Vietnam agreed to upgrade ties.",
            )
        ],
        extractor="test-1",
    )


def test_document_written_once_with_every_source(store_db: str) -> None:
    store = Store(store_db)
    first = make_document()
    assert store.write_document(first, make_analysis()).stored
    copy = make_document(url="https://mirror.example.net/b", record_id="r2",
                         published=dt.date(2023, 11, 27), input="b.jsonl#line 4")
    assert not store.write_document(copy, make_analysis()).stored
    # the very same record again adds nothing
    assert not store.write_document(first, make_analysis()).stored
    counts = store.counts()
    assert counts["documents"] == 1
    assert counts["sources"] == 2
    assert counts["events"] == 1 and counts["frameworks"] == 1 and counts["mentions"] == 2
    doc = store.get_document(first.doc_id)
    assert {s["url"] for s in doc["sources"]} == {"https://example.org/a", "https://mirror.example.net/b"}
    # relative dates resolve against the earliest publication date of the copies
    assert doc["published"] == "2023-11-27"


def test_exports_follow_the_contract(store_db: str) -> None:
    store = Store(store_db)
    doc = make_document()
    store.write_document(doc, make_analysis())
    (fw,) = list(store.iter_frameworks())
    assert (fw["a"], fw["b"], fw["tier"], fw["status"], fw["date"]) == ("JPN", "VNM", "CSP", "established",
                                                                         "2023-11-27")
    assert fw["source"] == "news" and fw["doc_url"] == "https://example.org/a"
    (ev,) = list(store.iter_events())
    assert ev["actor"] == ["JPN", "VNM"] and ev["recipient"] == []
    assert ev["date"] == "2023-11-27" and ev["date_precision"] == "day" and ev["date_end"] is None


def test_replace_analysis_replaces_only_that_document(store_db: str) -> None:
    store = Store(store_db)
    one, two = make_document("One text about Japan."), make_document("Another text about Vietnam.")
    store.write_document(one, make_analysis())
    store.write_document(two, make_analysis())
    store.replace_analysis(one.doc_id, Analysis(extractor="test-2"))
    assert store.counts()["events"] == 1
    assert store.coded_extractor(one.doc_id) == "test-2"
    assert store.coded_extractor(two.doc_id) == "test-1"


def test_rejects_are_recorded_once(store_db: str) -> None:
    store = Store(store_db)
    bad = Rejected("broken.jsonl#line 3", "bad-json", "Expecting value")
    assert store.record_reject(bad)
    assert not store.record_reject(bad)
    assert [r["reason"] for r in store.iter_rejects()] == ["bad-json"]


def test_reference_rows_are_replaced_not_duplicated(store_db: str) -> None:
    store = Store(store_db)
    rows = [FrameworkObservation("CHN", "VNM", "comprehensive strategic cooperative partnership", "CSP",
                                 "established", DateValue.parse("2008-05"), source="reference")]
    store.write_reference(rows)
    store.write_reference(rows)
    (fw,) = list(store.iter_frameworks())
    assert fw["source"] == "reference" and fw["date"] == "2008-05" and fw["date_precision"] == "month"
    assert list(store.iter_frameworks(include_reference=False)) == []


def test_migrated_schema_matches_the_tables(store_db: str) -> None:
    store = Store(store_db)
    assert current_revision(store.engine) == head_revision()
    names = set(inspect(store.engine).get_table_names())
    assert {t.name for t in metadata.sorted_tables} <= names


def test_upgrade_of_a_populated_database_from_the_first_revision(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(str(tmp_path / "old.sqlite"))
    migrate(engine, "0001")
    # rows as the first release wrote them (its tables only: no event_pairs, no pair_status)
    with engine.begin() as c:
        c.execute(sql_text("INSERT INTO documents (doc_id, text, published, removed, chars, added_at) "
                           "VALUES ('d1', 'Japan and Vietnam agreed to upgrade ties.', '2023-11-28', '[]', 41, 'x')"))
        c.execute(sql_text("INSERT INTO events (id, doc_id, sentence, actor, recipient, event, contexts, modality, "
                           "date, date_precision, extractor) VALUES (1, 'd1', 'Japan and Vietnam agreed.', 'JPN VNM', "
                           "'', 'AGREE', '', 'asserted', NULL, 'none', 'old')"))
        c.execute(sql_text("INSERT INTO event_actors (event_id, role, code, date) "
                           "VALUES (1, 'a', 'JPN', NULL), (1, 'a', 'VNM', NULL)"))
        c.execute(sql_text("INSERT INTO framework_observations (doc_id, a, b, label, tier, status, date, "
                           "date_precision, evidence, in_title, source, extractor) VALUES ('d1', 'JPN', 'VNM', "
                           "'comprehensive strategic partnership', 'CSP', 'established', '2023-11-27', 'day', "
                           "'Japan and Vietnam agreed to upgrade ties.', 0, 'news', 'old')"))
    migrate(engine)
    assert current_revision(engine) == head_revision()
    upgraded = Store(str(tmp_path / "old.sqlite"))
    assert upgraded.counts()["documents"] == 1
    (old_event,) = upgraded.iter_events()
    # rows coded before sectors existed read back without sectors (recode refreshes them)
    assert (old_event["actor_sectors"], old_event["recipient_sectors"]) == ([None, None], [])
    with engine.connect() as c:
        # the undated event is dated by its document in the pair index
        assert c.execute(sql_text("SELECT a, b, day FROM event_pairs")).all() == [("JPN", "VNM", "2023-11-28")]
        assert c.execute(sql_text("SELECT a, b, changed > built FROM pair_status")).all() == [("JPN", "VNM", 1)]
    # the pair's facts are built on first use
    (row,) = partners(upgraded, "VNM", "2023-12-01")
    assert (row["partner"], row["tier"], row["since"]) == ("JPN", "CSP", "2023-11-27")


def test_missing_database_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from diplograph.errors import NotFoundError, StoreError

    with pytest.raises(NotFoundError):
        Store(str(tmp_path / "absent.sqlite"), create=False)
    with pytest.raises(StoreError):
        Store(str(tmp_path / "no-such-folder" / "x.sqlite"))
