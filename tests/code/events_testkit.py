"""What the document coder codes in a sentence written for a test, as (type, actors, recipients)
or as the sorted types: shared by the event tests that check whole sentences end to end."""

from __future__ import annotations

from diplograph.code.document import DocumentCoder


def events(coder: DocumentCoder, text: str, date: str = "2024-08-14") -> list[tuple[str, list[str], list[str]]]:
    out = next(iter(coder.code_records([{"id": 1, "text": text, "date": date}])))
    return [(e["event"], sorted(e["actor"]), sorted(e["recipient"])) for e in out["events"]]


def types(coder: DocumentCoder, text: str) -> list[str]:
    return sorted(e[0] for e in events(coder, text))
