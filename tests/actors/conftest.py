from __future__ import annotations

import datetime as dt

import pytest
import spacy

from diplograph.actors import ActorMatcher
from diplograph.model import Mention


@pytest.fixture(scope="session")
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


@pytest.fixture(scope="session")
def matcher(nlp: spacy.language.Language) -> ActorMatcher:
    return ActorMatcher(nlp)


@pytest.fixture(scope="session")
def find(nlp: spacy.language.Language, matcher: ActorMatcher):  # type: ignore[no-untyped-def]
    """find(text, published=date, title_end=None) -> mentions, on tokenizer output only."""

    def _find(text: str, published: dt.date | None = dt.date(2023, 11, 28),
              title_end: int | None = None) -> list[Mention]:
        return matcher.find_mentions(nlp.make_doc(text), published=published, title_end=title_end)

    return _find
