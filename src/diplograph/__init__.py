"""diplograph: a temporal knowledge base of relations between states, built from news."""

from __future__ import annotations

from ._version import __version__
from .errors import (
    ConfigError,
    DiplographError,
    FetchError,
    InputError,
    NotFoundError,
    StoreError,
    TooLargeError,
)
from .kb.notebook import open
from .model import Analysis, DateValue, Document, Event, FrameworkObservation, Mention, Rejected
from .settings import Options, load_options

__all__ = [
    "Analysis",
    "ConfigError",
    "DateValue",
    "DiplographError",
    "Document",
    "Event",
    "FetchError",
    "FrameworkObservation",
    "InputError",
    "Mention",
    "NotFoundError",
    "Options",
    "Rejected",
    "StoreError",
    "TooLargeError",
    "__version__",
    "load_options",
    "open",
]
