"""Fixtures for the coding tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp(nlp_model):  # type: ignore[no-untyped-def]
    """The spaCy pipeline the coder runs on (the session's one model, tests/conftest.py)."""
    return nlp_model
