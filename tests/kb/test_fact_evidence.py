"""A fact's evidence a page at a time (issue 17): the fact page carries the first records and
the total, and fact_evidence pages through every record; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from kb_helpers import obs

from diplograph.errors import NotFoundError
from diplograph.kb.materialize import FACT_EVIDENCE_PREVIEW, fact_evidence, fact_page
from diplograph.store import Store

CITIES = ["Canberra", "Hanoi", "Sydney", "Da Nang", "Perth", "Hue", "Darwin", "Can Tho", "Hobart"]


def test_fact_evidence_pages_through_every_record(store: Store, add_article) -> None:  # type: ignore[no-untyped-def]
    for n, city in enumerate(CITIES):
        add_article(f"Report from {city}: Australia and Vietnam upgraded their ties on 7 March.", f"2024-03-{8 + n:02d}",
                    [obs("AUS", "VNM", "CSP", date="2024-03-07", evidence=f"In {city}, the upgrade was hailed.")])
    facts, following = fact_page(store, pair=("AUS", "VNM"), include_reference=False)
    assert following is None
    ((fact, total),) = facts
    assert total == len(CITIES) and len(fact.evidence) == FACT_EVIDENCE_PREVIEW
    seen = [e["sentence"] for e in fact.evidence]
    offset: int | None = len(fact.evidence)
    while offset is not None:
        same, items, count, offset = fact_evidence(store, fact.fact_id, include_reference=False, offset=offset,
                                                   limit=3)
        assert same.fact_id == fact.fact_id and count == len(CITIES) and 0 < len(items) <= 3
        seen += [e["sentence"] for e in items]
    assert sorted(seen) == sorted(f"In {city}, the upgrade was hailed." for city in CITIES)
    with pytest.raises(NotFoundError):
        fact_evidence(store, "0" * 16)
