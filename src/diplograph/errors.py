"""One exception hierarchy for the whole package.

The command line maps these to exit codes (``exit_code``) and the HTTP API to statuses
(``http_status``) with one JSON error body; library code raises, never prints.
"""

from __future__ import annotations


class DiplographError(Exception):
    """Base class of every error diplograph raises on purpose."""

    code = "error"
    exit_code = 1
    http_status = 500

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def to_dict(self) -> dict[str, object]:
        body: dict[str, object] = {"status": self.http_status, "code": self.code, "message": self.message}
        if self.detail:
            body["detail"] = self.detail
        return body


class ConfigError(DiplographError):
    """Settings or command-line options that cannot work together."""

    code = "config_error"
    exit_code = 2
    http_status = 400


class InputError(DiplographError):
    """An input document that cannot be read: it is recorded as rejected with this reason."""

    code = "bad_input"
    exit_code = 3
    http_status = 422

    def __init__(self, message: str, *, reason: str = "unreadable", detail: str | None = None) -> None:
        super().__init__(message, detail=detail)
        self.reason = reason


class TooLargeError(InputError):
    """An input over the configured size limit (or a decompression bomb)."""

    code = "too_large"
    http_status = 413

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message, reason="too-large", detail=detail)


class FetchError(InputError):
    """A URL that could not be fetched, or that is not allowed (private address)."""

    code = "fetch_failed"

    def __init__(self, message: str, *, reason: str = "fetch-failed", detail: str | None = None) -> None:
        super().__init__(message, reason=reason, detail=detail)


class UnsupportedURLError(InputError):
    """A URL whose scheme diplograph does not read (only http and https are)."""

    code = "unsupported_url_scheme"

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message, reason="unsupported-url", detail=detail)


class NotFoundError(DiplographError):
    """A country, pair, document or record that does not exist."""

    code = "not_found"
    exit_code = 4
    http_status = 404


class UnknownActorError(NotFoundError):
    """A country or organisation name that the gazetteer does not know."""

    code = "unknown_actor"


class StoreError(DiplographError):
    """The database cannot be opened, migrated or written."""

    code = "store_error"
    exit_code = 5
    http_status = 503


class ModelError(DiplographError):
    """The NLP model or the event classifier cannot be loaded."""

    code = "model_error"
    exit_code = 6
    http_status = 503


class MissingExtraError(DiplographError):
    """An optional component (Ray, pyarrow, PostgreSQL driver...) is not installed."""

    code = "missing_extra"
    exit_code = 7
    http_status = 501

    def __init__(self, component: str, extra: str) -> None:
        super().__init__(
            f"{component} is not installed: pip install 'diplograph[{extra}]'",
        )
        self.component = component
        self.extra = extra


class AuthError(DiplographError):
    """A write request without the configured token, or from a host that may not write."""

    code = "unauthorized"
    exit_code = 8
    http_status = 401


class ForbiddenError(AuthError):
    code = "forbidden"
    http_status = 403
