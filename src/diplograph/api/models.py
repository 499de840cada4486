"""Request and response models of the HTTP API (pydantic). Request bodies are strict: a number
where text is expected is refused, not coerced."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
# the most a request body may say about one article (the size limit applies to the whole body too)
MAX_TEXT = 2_000_000


class ErrorBody(BaseModel):
    """Every error the API returns has this body."""

    status: int
    code: str
    message: str
    detail: str | None = None


class Page(BaseModel):
    """A page of a list; pass ``next_cursor`` back as ``cursor`` for the next one (None: last page)."""

    items: list[dict[str, Any]]
    next_cursor: str | None = None


class EvidencePage(Page):
    """A page of one fact's evidence records; ``evidence_total`` counts them all."""

    fact_id: str
    a: str
    b: str
    evidence_total: int


class CheckRequest(BaseModel):
    """An article to check against the knowledge base on its publication date."""

    model_config = ConfigDict(strict=True, extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT, description="The article body (or the headline alone).")
    title: str | None = Field(default=None, max_length=2_000, description="The headline, where tier claims often are.")
    published: str | None = Field(default=None, pattern=DATE_PATTERN, json_schema_extra={"format": "date"},
                                  description="YYYY-MM-DD: the day the claims are checked against (default: today).")
    include_reference: bool = True


class DocumentIn(BaseModel):
    """A document to ingest: its text (or HTML), or a URL to fetch."""

    model_config = ConfigDict(strict=True, extra="forbid")

    text: str | None = Field(default=None, min_length=1, max_length=MAX_TEXT)
    html: str | None = Field(default=None, min_length=1, max_length=MAX_TEXT)
    url: str | None = Field(default=None, min_length=8, max_length=2_000,
                            description="The article's URL; fetched when neither text nor html is given "
                                        "(private and loopback addresses are refused).")
    title: str | None = Field(default=None, max_length=2_000)
    published: str | None = Field(default=None, pattern=DATE_PATTERN, json_schema_extra={"format": "date"},
                                  description="YYYY-MM-DD")
    id: str | None = Field(default=None, max_length=500, description="The record's own id, kept with the document.")

    @model_validator(mode="after")
    def _something_to_read(self) -> DocumentIn:
        if self.text is None and self.html is None and self.url is None:
            raise ValueError("give text, html or url")
        if self.text is not None and self.html is not None:
            raise ValueError("give text or html, not both")
        return self


class IngestResult(BaseModel):
    read: int
    stored: int
    duplicates: int
    rejected: list[dict[str, Any]]
    documents: list[dict[str, Any]]


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a route: each listed status has the one error body."""
    meanings = {
        400: "Bad request (a body that cannot be read)",
        401: "No or wrong bearer token",
        403: "Writes are not allowed (no token configured, or not from this host)",
        404: "No such country, pair, document or route",
        413: "Request body over the size limit",
        415: "A request body that is not JSON (Content-Type: application/json)",
        422: "Invalid input (bad date, unknown value, malformed body)",
        503: "The database cannot be used",
    }
    return {status: {"model": ErrorBody, "description": meanings.get(status, "Error")} for status in statuses}
