"""Request errors in plain words: what was wrong with a parameter or a body, said as a person who
wrote the request can fix it ('field "text" must be a string, got a number'), not in pydantic's
terms; and the 415 for a body that is not JSON."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError

from ..read.plain import json_kind, json_syntax_words
from .models import DATE_PATTERN

BODY_METHODS = ("POST", "PUT", "PATCH")
_LABELS = {"query": "query parameter", "path": "path parameter", "header": "header", "body": "field"}


def unsupported_media_type(request: Request) -> str | None:
    """The 415 message for a request whose body is declared as something other than JSON (every
    body this API takes is JSON); None when the body is JSON or has no declared type."""
    if request.method not in BODY_METHODS:
        return None
    declared = request.headers.get("content-type", "")
    media = declared.split(";", 1)[0].strip().lower()
    if not media or media == "application/json" or media.endswith("+json"):
        return None
    return f"the request body must be JSON (Content-Type: application/json), not {media}"


def validation_message(exc: RequestValidationError) -> str:
    """Every problem of a request (the first five), in plain words, separated by '; '."""
    parts = [_problem(error) for error in exc.errors()[:5]]
    return "; ".join(dict.fromkeys(parts)) or "invalid request"


def _problem(error: dict[str, Any]) -> str:
    kind = str(error.get("type", ""))
    location = [str(p) for p in error.get("loc", ())]
    ctx = error.get("ctx") or {}
    if kind == "json_invalid":
        words = json_syntax_words(str(ctx.get("error", "")) or "unreadable")
        return f"the request body is {words}"
    where, name = (location[0], ".".join(location[1:])) if location else ("request", "")
    if where == "body" and not name:
        if kind in ("model_attributes_type", "dict_type", "model_type"):
            return f"the request body must be a JSON object {{...}}, got {json_kind(error.get('input'))}"
        return f"the request body: {_words(kind, error, ctx)}"
    label = _LABELS.get(where, where)
    if kind == "value_error" and where == "body":
        return _words(kind, error, ctx)  # a rule about the body as a whole ('give text, html or url')
    return f'{label} "{name}" {_words(kind, error, ctx)}'


def _words(kind: str, error: dict[str, Any], ctx: dict[str, Any]) -> str:
    value = error.get("input")
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a field this endpoint takes"
    if kind == "string_type":
        return f"must be a string, got {json_kind(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false, got {_shown(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"must be a whole number, got {_shown(value)}"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == DATE_PATTERN:
            return f"must be a YYYY-MM-DD date, got {_shown(value)}"
        return f"does not have the expected form, got {_shown(value)}"
    if kind == "string_too_short":
        return "must not be empty" if ctx.get("min_length") == 1 else \
            f"must be at least {ctx.get('min_length')} characters long"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters long"
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be at least {ctx.get('ge', ctx.get('gt'))}, got {_shown(value)}"
    if kind in ("less_than_equal", "less_than"):
        return f"must be at most {ctx.get('le', ctx.get('lt'))}, got {_shown(value)}"
    if kind in ("literal_error", "enum"):
        return f"must be one of {ctx.get('expected')}, got {_shown(value)}"
    if kind == "value_error":
        return str(error.get("msg", "")).removeprefix("Value error, ")
    return str(error.get("msg", "is not valid"))


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return repr(value[:80])
    return json_kind(value)
