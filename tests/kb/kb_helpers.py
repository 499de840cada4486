"""Hand-made observations for the knowledge-base tests."""

from __future__ import annotations

from typing import Any

from diplograph.model import DateValue, Event, FrameworkObservation


def obs(a: str, b: str, tier: str, status: str = "established", date: str | None = None, *,
        label: str | None = None, evidence: str = "", in_title: bool = False) -> FrameworkObservation:
    labels = {"CSP": "comprehensive strategic partnership", "SP": "strategic partnership",
              "CP": "comprehensive partnership", "OTHER": "community with a shared future"}
    return FrameworkObservation(a=a, b=b, label=label or labels[tier], tier=tier, status=status,
                                date=DateValue.parse(date) if date else DateValue(), evidence=evidence or
                                f"{a} and {b}: {label or labels[tier]} ({status})", in_title=in_title)


def event(kind: str, actor: list[str], recipient: list[str], date: str | None, *, mode: str | None = None,
          modality: str = "asserted", sentence: str = "") -> Event:
    return Event(sentence=sentence or f"{' '.join(actor)} {kind} {' '.join(recipient)}", event=kind, actor=actor,
                 recipient=recipient, mode=mode, modality=modality,
                 date=DateValue.parse(date) if date else DateValue())


def records(items: list[Any]) -> list[dict[str, Any]]:
    return [i.to_record() for i in items]
