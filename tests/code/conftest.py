"""Fixtures for the coding tests."""

from __future__ import annotations

import pytest

from diplograph.code.document import DocumentCoder


@pytest.fixture(scope="module")
def nlp(nlp_model):  # type: ignore[no-untyped-def]
    """The spaCy pipeline the coder runs on (the session's one model, tests/conftest.py)."""
    return nlp_model


@pytest.fixture(scope="module")
def coder() -> DocumentCoder:
    """A document coder with the shipped lexicon and model."""
    return DocumentCoder()
