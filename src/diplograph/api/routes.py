"""Read endpoints under /api/: partners, pair state and timeline, events, frameworks, facts,
documents, changes, and the claim check. Each calls one diplograph.kb function (or a query of
:mod:`.queries`); errors are raised as diplograph errors and rendered by the app's handlers."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request

from .. import ladders
from .._version import __version__
from ..errors import InputError
from ..kb.asof import parse_day
from ..kb.changes import CHANGES_PAGE, changes
from ..kb.check import Article, check_article
from ..kb.countries import countries
from ..kb.materialize import fact_evidence, fact_page
from ..kb.names import actor_name, resolve_actor
from ..kb.queries import partners, state_of_pair
from ..kb.timeline import TIMELINE_LIMIT, timeline
from ..model import MODALITIES, PLOVER_TYPES, STATUSES, TIERS
from ..store import Store
from . import queries
from .models import DATE_PATTERN, CheckRequest, EvidencePage, Page, error_responses

router = APIRouter(prefix="/api", tags=["read"])

# a string with a pattern (not a date type, whose lax parsing takes timestamps too), marked as a date
DATE_SCHEMA = {"format": "date"}
Day = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY-MM-DD", examples=["2023-11-30"],
                                  json_schema_extra=DATE_SCHEMA)]
ActorName = Annotated[str | None, Query(min_length=1, max_length=80, description="A code (VNM) or a name (Vietnam).")]
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="Items per page.")]
Cursor = Annotated[str | None, Query(max_length=200, pattern=r"^[A-Za-z0-9_-]+$",
                                     description="next_cursor of the previous page.")]
IncludeReference = Annotated[bool, Query(description="Include the shipped reference rows (false: news only).")]
RungNumber = Annotated[int | None, Query(ge=1, le=99, description="Only partners on this rung of the country's "
                                                                 "ladder (1 = top).")]
CountryPath = Annotated[str, Path(min_length=1, max_length=80, description="A code (VNM) or a name (Vietnam).")]

EventType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]
ModalityName = Literal[MODALITIES]  # type: ignore[valid-type]
TierName = Literal[TIERS]  # type: ignore[valid-type]
StatusName = Literal[STATUSES]  # type: ignore[valid-type]

READ_ERRORS = error_responses(404, 422, 503)
MAX_TIMELINE_LIMIT = 1000


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _day(value: str | None, name: str) -> str | None:
    """A checked YYYY-MM-DD (the pattern lets '2023-02-30' through; the calendar does not)."""
    day = parse_day(value, name=name)
    return day.isoformat() if day else None


def _code(name: str | None) -> str | None:
    return resolve_actor(name) if name else None


def _pair(a: str, b: str) -> tuple[str, str]:
    code_a, code_b = resolve_actor(a), resolve_actor(b)
    if code_a == code_b:
        raise InputError(f"a pair needs two different parties, not {code_a} twice", reason="bad-pair")
    return code_a, code_b


@router.get("/health", responses=error_responses(503), summary="The server is up; what the database holds")
def get_health(request: Request) -> dict[str, Any]:
    return {"status": "ok", "version": __version__, "counts": store_of(request).counts()}


@router.get("/actors/{name}", responses=READ_ERRORS, summary="Resolve a country or organisation name to its code")
def get_actor(name: CountryPath) -> dict[str, Any]:
    code = resolve_actor(name)
    return {"code": code, "name": actor_name(code)}


@router.get("/countries", responses=error_responses(503),
            summary="The countries and organisations the knowledge base holds frameworks or events of")
def get_countries(request: Request, include_reference: IncludeReference = True) -> dict[str, Any]:
    return {"countries": countries(store_of(request), include_reference=include_reference)}


@router.get("/countries/{country}/partners", responses=READ_ERRORS,
            summary="A country's partnership frameworks in force on a date, best tier first")
def get_partners(request: Request, country: CountryPath, as_of: Day = None, tier: TierName | None = None,
                 rung: RungNumber = None, include_reference: IncludeReference = True,
                 evidence: bool = True) -> dict[str, Any]:
    code = resolve_actor(country)
    day = _day(as_of, "as_of") or dt.date.today().isoformat()
    rows = partners(store_of(request), code, day, tier=tier, rung=rung, include_reference=include_reference,
                    evidence=evidence)
    return {"country": code, "name": actor_name(code), "as_of": day, "ladder": ladders.ladder_rungs(code),
            "own_ladder": ladders.has_own_ladder(code), "partners": rows}


@router.get("/pairs/{a}/{b}", responses=READ_ERRORS, summary="The framework between two parties on a date")
def get_pair_state(request: Request, a: CountryPath, b: CountryPath, as_of: Day = None,
                   include_reference: IncludeReference = True) -> dict[str, Any]:
    code_a, code_b = sorted(_pair(a, b))
    day = _day(as_of, "as_of") or dt.date.today().isoformat()
    state = state_of_pair(store_of(request), code_a, code_b, day, include_reference=include_reference)
    return {"a": code_a, "b": code_b, "names": {code_a: actor_name(code_a), code_b: actor_name(code_b)},
            "as_of": day, "state": state.to_record() if state else None}


@router.get("/pairs/{a}/{b}/timeline", responses=READ_ERRORS,
            summary="Framework changes and events between two parties, oldest first, a page at a time")
def get_timeline(request: Request, a: CountryPath, b: CountryPath, as_of: Day = None,
                 include_reference: IncludeReference = True, events: bool = True, since: Day = None,
                 until: Day = None,
                 limit: Annotated[int, Query(ge=1, le=MAX_TIMELINE_LIMIT,
                                             description="Items per page (a page always ends with a whole day).")]
                 = TIMELINE_LIMIT,
                 cursor: Cursor = None) -> dict[str, Any]:
    code_a, code_b = _pair(a, b)
    since_day, until_day = _day(since, "since"), _day(until, "until")
    if since_day and until_day and until_day < since_day:
        raise InputError(f"until {until_day} is before since {since_day}", reason="bad-date")
    after = queries.decode_cursor(cursor)
    if after is not None and not isinstance(after, str):
        raise InputError("cursor is not one this API returned", reason="bad-cursor")
    result = timeline(store_of(request), code_a, code_b, include_reference=include_reference, events=events,
                      as_of=_day(as_of, "as_of"), since=since_day, until=until_day, limit=limit, after=after)
    following = result.pop("next_after")
    result["next_cursor"] = queries.encode_cursor(following) if following else None
    return result


@router.get("/events", response_model=Page, responses=READ_ERRORS,
            summary="Search events (filters combine with AND); cursor pagination")
def get_events(
    request: Request,
    actor: ActorName = None,
    recipient: ActorName = None,
    party: Annotated[str | None, Query(min_length=1, max_length=80,
                                       description="Actor or recipient: a code or a name.")] = None,
    type: EventType | None = None,  # noqa: A002 - the public parameter name
    context: Annotated[str | None, Query(min_length=1, max_length=40, pattern=r"^[A-Za-z_-]+$")] = None,
    modality: ModalityName | None = None,
    since: Day = None,
    until: Day = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="Text in the sentence.")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    since_day, until_day = _day(since, "since"), _day(until, "until")
    if since_day and until_day and until_day < since_day:
        raise InputError(f"until {until_day} is before since {since_day}", reason="bad-date")
    where = queries.EventFilter(actor=_code(actor), recipient=_code(recipient), party=_code(party), event=type,
                                context=context.lower() if context else None, modality=modality,
                                since=since_day, until=until_day, text=q)
    return queries.search_events(store_of(request), where, limit=limit, cursor=cursor)


@router.get("/frameworks", response_model=Page, responses=READ_ERRORS,
            summary="Framework observations as stored (one per sentence or reference row)")
def get_frameworks(request: Request, actor: ActorName = None, a: ActorName = None, b: ActorName = None,
                   tier: TierName | None = None, status: StatusName | None = None,
                   include_reference: IncludeReference = True, limit: Limit = 50,
                   cursor: Cursor = None) -> dict[str, Any]:
    if (a is None) != (b is None):
        raise InputError("give both a and b for a pair, or neither", reason="bad-pair")
    pair = _pair(a, b) if a and b else None
    return queries.search_frameworks(store_of(request), actor=_code(actor), pair=pair, tier=tier, status=status,
                                     include_reference=include_reference, limit=limit, cursor=cursor)


@router.get("/facts", response_model=Page, responses=READ_ERRORS,
            summary="Consolidated framework facts, each with its first evidence records and source counts")
def get_facts(request: Request, actor: ActorName = None, a: ActorName = None, b: ActorName = None,
              include_reference: IncludeReference = True, limit: Limit = 50,
              cursor: Cursor = None) -> dict[str, Any]:
    if (a is None) != (b is None):
        raise InputError("give both a and b for a pair, or neither", reason="bad-pair")
    pair = tuple(sorted(_pair(a, b))) if a and b else None
    after = queries.decode_cursor(cursor)
    if after is not None and (not isinstance(after, int) or after < 0):
        raise InputError("cursor is not one this API returned", reason="bad-cursor")
    facts, following = fact_page(store_of(request), code=_code(actor), pair=pair,  # type: ignore[arg-type]
                                 include_reference=include_reference, after=after, limit=limit)
    items = []
    for fact, total in facts:
        record = fact.to_record()
        shown = len(record["evidence"])
        record["evidence_total"] = total
        # the rest of the evidence: GET /api/facts/{fact_id}/evidence?cursor=...
        record["evidence_cursor"] = queries.encode_cursor(shown) if total > shown else None
        items.append(record)
    return {"items": items, "next_cursor": queries.encode_cursor(following) if following is not None else None}


@router.get("/facts/{fact_id}/evidence", response_model=EvidencePage, responses=READ_ERRORS,
            summary="A fact's evidence records, a page at a time")
def get_fact_evidence(request: Request, fact_id: Annotated[str, Path(pattern=r"^[0-9a-f]{16}$")],
                      include_reference: IncludeReference = True, limit: Limit = 50,
                      cursor: Cursor = None) -> dict[str, Any]:
    offset = queries.decode_cursor(cursor)
    if offset is not None and (not isinstance(offset, int) or offset < 0):
        raise InputError("cursor is not one this API returned", reason="bad-cursor")
    fact, items, total, following = fact_evidence(store_of(request), fact_id, include_reference=include_reference,
                                                  offset=offset or 0, limit=limit)
    return {"fact_id": fact.fact_id, "a": fact.a, "b": fact.b, "evidence_total": total, "items": items,
            "next_cursor": queries.encode_cursor(following) if following is not None else None}


@router.get("/documents", response_model=Page, responses=READ_ERRORS, summary="Stored documents (without text)")
def get_documents(request: Request, q: Annotated[str | None, Query(min_length=1, max_length=200,
                                                                    description="Text in the title.")] = None,
                  limit: Limit = 50, cursor: Cursor = None) -> dict[str, Any]:
    return queries.list_documents(store_of(request), text=q, limit=limit, cursor=cursor)


@router.get("/documents/{doc_id}", responses=READ_ERRORS,
            summary="A document's cleaned text with actor mentions and evidence sentences as spans")
def get_document(request: Request,
                 doc_id: Annotated[str, Path(pattern=r"^[0-9A-Za-z_-]{1,64}$")]) -> dict[str, Any]:
    return queries.document_view(store_of(request), doc_id)


@router.get("/changes", responses=READ_ERRORS,
            summary="Framework changes and notable events in a period, oldest first, a page at a time")
def get_changes(request: Request, since: Annotated[str, Query(pattern=DATE_PATTERN, description="YYYY-MM-DD",
                                                              json_schema_extra=DATE_SCHEMA)],
                until: Day = None, include_reference: IncludeReference = True,
                events: bool = True,
                limit: Annotated[int, Query(ge=1, le=CHANGES_PAGE,
                                            description="Entries (framework changes and events) per page.")]
                = CHANGES_PAGE,
                cursor: Cursor = None) -> dict[str, Any]:
    since_day, until_day = _day(since, "since") or "", _day(until, "until")
    if until_day and until_day < since_day:
        raise InputError(f"until {until_day} is before since {since_day}", reason="bad-date")
    after = queries.decode_cursor(cursor)
    if after is not None and not isinstance(after, str):
        raise InputError("cursor is not one this API returned", reason="bad-cursor")
    result = changes(store_of(request), since_day, until_day, include_reference=include_reference, events=events,
                     limit=limit, after=after)
    following = result.pop("next_after")
    result["next_cursor"] = queries.encode_cursor(following) if following else None
    return result


@router.post("/check", responses=error_responses(400, 413, 415, 422, 503),
             summary="Check an article's partnership-tier claims against the knowledge base")
def post_check(request: Request, body: CheckRequest) -> dict[str, Any]:
    published = _day(body.published, "published")
    article = Article(title=body.title, text=body.text, published=published)
    return check_article(store_of(request), article, published=published, include_reference=body.include_reference)
