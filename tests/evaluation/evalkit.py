"""Hand-made gold and system records for the evaluator's unit tests (no model)."""

from __future__ import annotations

from typing import Any


def ev(kind: str, actor: list[str], recipient: list[str], *, modality: str = "asserted", date: str | None = None,
       precision: str = "none", **extra: Any) -> dict[str, Any]:
    """A gold event object of the annotation format."""
    return {"event": kind, "actor": actor, "recipient": recipient, "modality": modality, "date": date,
            "date_precision": precision, **extra}


def article_sentences(*specs: tuple[str, Any] | tuple[str, Any, dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """The cleaned text and the sentence list of an article: each spec is (text, events or
    "none"[, extra fields such as title or tags]); sentences are separated by a blank line."""
    text = ""
    sentences = []
    for i, spec in enumerate(specs):
        piece, events = spec[0], spec[1]
        extra = spec[2] if len(spec) > 2 else {}
        if text:
            text += "\n\n"
        start = len(text)
        text += piece
        sentences.append({"index": i, "start": start, "end": len(text), "text": piece, "events": events, **extra})
    return text, sentences


def sys_ev(sentences: list[dict[str, Any]], index: int, kind: str, actor: list[str], recipient: list[str], *,
           modality: str = "asserted", date: str | None = None, precision: str = "none",
           **extra: Any) -> dict[str, Any]:
    """A system event record as the events table stores it (codes space-separated), placed at the
    start of gold sentence ``index``."""
    return {"sentence_start": sentences[index]["start"], "sentence": sentences[index]["text"], "event": kind,
            "actor": " ".join(actor), "recipient": " ".join(recipient), "modality": modality, "date": date,
            "date_precision": precision, **extra}
