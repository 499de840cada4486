"""Fetching http(s) URLs with a timeout, a size limit, and no requests to private networks.

Every hop (the URL and each redirect target) is resolved first and refused when any of its
addresses is private, loopback, link-local, reserved, multicast or otherwise not global, unless
``options.allow_private``; the connection is then opened to an address checked at that moment
(not resolved again by the HTTP client). Redirects are followed by hand (at most
``MAX_REDIRECTS``) so that each hop is checked."""

from __future__ import annotations

import ipaddress
import logging
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from .._version import __version__
from ..errors import FetchError, TooLargeError
from ..settings import Options

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 10
_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str | None
    charset: str | None


def is_url(value: str) -> bool:
    return value[:8].lower().startswith(("http://", "https://"))


def _address_is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_host(url: str, options: Options) -> None:
    """FetchError("private-address") when the URL's host resolves to a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise FetchError(f"not an http(s) URL: {url}", reason="fetch-failed", detail=f"scheme {parts.scheme!r}")
    host = parts.hostname
    if not host:
        raise FetchError(f"no host in {url}", reason="fetch-failed", detail="the URL names no host")
    if options.allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError(f"cannot resolve {host}", reason="fetch-failed", detail=str(exc)) from None
    addresses = {info[4][0] for info in infos}
    private = sorted(a for a in addresses if not _address_is_public(str(a)))
    if private:
        raise FetchError(
            f"{host} resolves to a private address", reason="private-address",
            detail=f"{host} -> {', '.join(map(str, private))}; use --allow-private to fetch it",
        )


def _public_addresses(host: str, port: int, options: Options) -> list[str]:
    """The addresses of ``host`` that may be connected to (all of them with allow_private)."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError(f"cannot resolve {host}", reason="fetch-failed", detail=str(exc)) from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    private = [a for a in addresses if not _address_is_public(a)]
    if private and not options.allow_private:
        raise FetchError(
            f"{host} resolves to a private address", reason="private-address",
            detail=f"{host} -> {', '.join(private)}; use --allow-private to fetch it",
        )
    return addresses


class _CheckedNetworkBackend(httpcore.SyncBackend):
    """Connects to an address it has checked itself: the name is resolved once, here, and the
    socket opened to that address, so a DNS answer that changes between the check and the
    connection (DNS rebinding) cannot lead to a private address. TLS still verifies the name."""

    def __init__(self, options: Options) -> None:
        self._options = options

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options: Any = None) -> httpcore.NetworkStream:
        last_error: Exception | None = None
        for address in _public_addresses(host, port, self._options):
            try:
                return super().connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                           socket_options=socket_options)
            except httpcore.ConnectError as exc:  # try the host's next address
                last_error = exc
        raise last_error or httpcore.ConnectError(f"no address for {host}")


def _transport(options: Options) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport()
    pool = getattr(transport, "_pool", None)
    if pool is None or not hasattr(pool, "_network_backend"):  # a changed httpx: keep the per-hop check
        logger.warning("httpx internals changed: URLs are checked before connecting only")
        return transport
    pool._network_backend = _CheckedNetworkBackend(options)
    return transport


def fetch(url: str, options: Options) -> Fetched:
    """GET ``url``: FetchError (private-address, fetch-failed) or TooLargeError on failure."""
    headers = {"User-Agent": f"diplograph/{__version__} (news reader)", "Accept": "*/*"}
    timeout = httpx.Timeout(options.fetch_timeout)
    current = url
    try:
        with httpx.Client(follow_redirects=False, timeout=timeout, headers=headers,
                          transport=_transport(options)) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                check_host(current, options)
                with client.stream("GET", current) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        logger.debug("redirect to %s", current)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"HTTP {response.status_code} for {current}", reason="fetch-failed",
                                         detail=f"the server answered HTTP {response.status_code}")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > options.max_bytes:
                            raise TooLargeError(f"{current} is over the size limit",
                                                detail=f"more than {options.max_bytes} bytes (max_bytes)")
                    content_type = response.headers.get("content-type")
                    return Fetched(str(response.url), bytes(body), content_type, response.charset_encoding)
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch {current}", reason="fetch-failed",
                         detail=f"{type(exc).__name__}: {exc}") from None
    raise FetchError(f"too many redirects from {url}", reason="fetch-failed",
                     detail=f"more than {MAX_REDIRECTS} redirects")
