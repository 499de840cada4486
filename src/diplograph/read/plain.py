"""Problems with JSON input in plain words, for reject reasons and per-line errors: what a person
who wrote the line can fix ('field "text" must be a string, got a number', 'not valid JSON (the
line ends inside a string)'), not the parser's terms."""

from __future__ import annotations

import json
from typing import Any

# the standard library's messages (json.decoder and its C scanner), by their opening words
_SYNTAX = (
    ("Unterminated string", "the line ends inside a string"),
    ("Expecting property name enclosed in double quotes",
     "a field name must be in double quotes, and no comma may come before a closing brace"),
    ("Expecting ':' delimiter", "a colon is missing after a field name"),
    ("Expecting ',' delimiter", "a comma or a closing bracket is missing"),
    ("Expecting value", "a value is missing or is not JSON, and text must be in double quotes"),
    ("Extra data", "something follows the end of the JSON value: one object a line"),
    ("Invalid control character", "a string holds a raw control character: write a tab as \\t, a line break as \\n"),
    ("Invalid \\escape", "a backslash starts no valid escape: write \\\\ for a backslash"),
    ("Invalid \\uXXXX escape", "a \\u escape needs four hexadecimal digits"),
)


def json_kind(value: Any) -> str:
    """What a JSON value is, with its article: 'a number', 'a list', 'null'..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def json_syntax_problem(exc: json.JSONDecodeError) -> str:
    """'not valid JSON (the line ends inside a string)': the decoder's error in plain words."""
    return json_syntax_words(exc.msg, exc.colno)


def json_syntax_words(message: str, column: int | None = None) -> str:
    """The decoder's ``message`` (at ``column``) in plain words."""
    for opening, words in _SYNTAX:
        if message.startswith(opening):
            where = "" if opening == "Unterminated string" or column is None else f", at character {column}"
            return f"not valid JSON ({words}{where})"
    where = "" if column is None else f", at character {column}"
    return f"not valid JSON ({message.lower()}{where})"


def not_an_object(value: Any) -> str:
    return f"not a JSON object {{...}}: the line holds {json_kind(value)}"


def field_type_problem(name: str, value: Any, expected: str = "a string") -> str:
    """'field "text" must be a string, got a number'."""
    return f'field "{name}" must be {expected}, got {json_kind(value)}'
