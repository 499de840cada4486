"""Building small WARC files by hand for the tests (WARC/1.0, optionally gzip per record)."""

from __future__ import annotations

import gzip


def warc_record(record_type: str, uri: str | None, block: bytes, record_id: int) -> bytes:
    headers = [
        "WARC/1.0",
        f"WARC-Type: {record_type}",
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{record_id:012d}>",
        "WARC-Date: 2023-11-28T10:00:00Z",
    ]
    if uri:
        headers.append(f"WARC-Target-URI: {uri}")
    headers.append("Content-Type: " + ("application/http; msgtype=response" if record_type == "response"
                                       else "application/warc-fields"))
    headers.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_response(body: bytes, content_type: str, status: str = "200 OK") -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def build_warc(responses: list[tuple[str, bytes, str]], compress: bool = False) -> bytes:
    """responses: (uri, body, content type); a warcinfo record comes first."""
    records = [warc_record("warcinfo", None, b"software: diplograph-tests\r\n", 0)]
    for number, (uri, body, content_type) in enumerate(responses, 1):
        records.append(warc_record("response", uri, http_response(body, content_type), number))
    if compress:
        return b"".join(gzip.compress(r) for r in records)
    return b"".join(records)
