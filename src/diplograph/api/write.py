"""The one write endpoint: POST /api/documents ingests an article.

Refused (403) when no ``api_token`` is configured, (401) without the right ``Authorization:
Bearer`` token, and (403) from any client but loopback unless ``api_allow_remote_writes``. A URL
to fetch obeys the private-address rule of the command line (``read.urls.check_host``)."""

from __future__ import annotations

import datetime as dt
import hmac
import ipaddress
import logging
import threading
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..errors import AuthError, ForbiddenError, UnsupportedURLError
from ..ingest import RecordProcessor
from ..model import Rejected
from ..read import RawRecord, iter_records
from ..read.urls import check_host
from ..settings import Options
from .models import DocumentIn, IngestResult, error_responses

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["write"])

API_INPUT = "api:POST /api/documents"


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


BEARER = HTTPBearer(auto_error=False, description="The server's api_token (DIPLOGRAPH_API_TOKEN).")


def authorize_write(request: Request,
                    credentials: HTTPAuthorizationCredentials | None = Depends(BEARER)) -> None:
    """Raise unless this request may write (a dependency: it runs before the body is read)."""
    options: Options = request.app.state.options
    if not options.api_token:
        raise ForbiddenError("writes are disabled: no api_token is configured (set DIPLOGRAPH_API_TOKEN)")
    if credentials is None or not credentials.credentials.strip():
        raise AuthError("this endpoint needs an 'Authorization: Bearer <token>' header")
    # the host rule comes before the token is compared: a remote client learns nothing about it
    client = request.client.host if request.client else None
    if not options.api_allow_remote_writes and not _is_loopback(client):
        raise ForbiddenError(f"writes are accepted from this machine only (client {client}); "
                             "set api_allow_remote_writes to accept them from other hosts")
    if not hmac.compare_digest(credentials.credentials.strip().encode(), options.api_token.encode()):
        raise AuthError("wrong bearer token")


def _check_scheme(url: str) -> None:
    if url.lower().startswith(("http://", "https://")):
        return
    scheme = url.split(":", 1)[0] if ":" in url else ""
    what = f"URL scheme {scheme!r}" if scheme and scheme.isascii() and scheme.replace("+", "").isalnum() \
        else "URL without a scheme"
    raise UnsupportedURLError(f"unsupported {what}: a url must start with http:// or https://")


class Writer:
    """Cleans, codes and stores posted documents. The coder (the spaCy model) loads on the first
    write; writes are serialised because one coder is shared."""

    def __init__(self, options: Options) -> None:
        self.options = options.replace(jobs=1)
        self._processor: RecordProcessor | None = None
        self._lock = threading.Lock()

    def _records(self, body: DocumentIn) -> list[RawRecord | Rejected]:
        published = dt.date.fromisoformat(body.published) if body.published else None
        if body.url is not None:
            # fetched, or kept as metadata beside a text: either way it must be a web address
            _check_scheme(body.url)
        if body.text is None and body.html is None:
            assert body.url is not None
            check_host(body.url, self.options)  # a clear 4xx before any connection is made
            records = list(iter_records([body.url], self.options))
            for record in records:
                if isinstance(record, RawRecord):
                    record.record_id = body.id or record.record_id
                    record.title = body.title or record.title
                    record.published = published or record.published
            return records
        return [RawRecord(input=API_INPUT, record_id=body.id, url=body.url, title=body.title,
                          published=published, text=body.text, html=body.html)]

    def write(self, store: Any, body: DocumentIn) -> dict[str, Any]:
        records = self._records(body)
        result: dict[str, Any] = {"read": 0, "stored": 0, "duplicates": 0, "rejected": [], "documents": []}
        with self._lock:
            if self._processor is None:
                self._processor = RecordProcessor(self.options)
            outcomes = self._processor.process(records)
            for outcome in outcomes:
                result["read"] += 1
                if outcome.rejected is not None:
                    rejected = outcome.rejected
                    store.record_reject(rejected)
                    result["rejected"].append({"input": rejected.input, "reason": rejected.reason,
                                               "detail": rejected.detail})
                    continue
                document = outcome.document
                assert document is not None
                analysis = None if outcome.already_coded else outcome.analysis
                written = store.write_document(document, analysis)
                result["stored" if written.stored else "duplicates"] += 1
                result["documents"].append({
                    "doc_id": document.doc_id, "title": document.title, "stored": written.stored,
                    "events": len(analysis.events) if analysis else None,
                    "frameworks": len(analysis.frameworks) if analysis else None,
                })
        return result


@router.post("/documents", response_model=IngestResult, status_code=201,
             responses=error_responses(400, 401, 403, 413, 415, 422, 503), dependencies=[Depends(authorize_write)],
             summary="Ingest one article (needs the bearer token; loopback only unless enabled)")
def post_document(request: Request, body: DocumentIn) -> dict[str, Any]:
    writer: Writer = request.app.state.writer
    return writer.write(request.app.state.store, body)
