"""Frameworks over whole documents with the real stages before them: spaCy's tokenizer
(spacy.blank), diplograph.nlp's sentence splitter, diplograph.actors' ActorMatcher and
diplograph.dates. Skips cleanly when one of those stages is missing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from diplograph.code.frameworks import extract_frameworks
from diplograph.model import Sentence

SHARED = Path(__file__).parents[2].parent / "shared"


@pytest.fixture(scope="module")
def pipeline():
    try:
        import spacy

        from diplograph.actors import ActorMatcher
        from diplograph.dates import assign_sentence_dates
        from diplograph.nlp.sentences import split_sentences
    except ImportError as exc:
        pytest.skip(f"needs diplograph.actors, diplograph.dates and diplograph.nlp: {exc}")
    nlp = spacy.blank("en")
    matcher = ActorMatcher(nlp)

    def build(text: str, published: dt.date, title: str | None = None) -> list[Sentence]:
        doc = nlp(text)
        title_end = len(title) if title and text.startswith(title) else None
        mentions = matcher.find_mentions(doc, published, title_end)
        sentences: list[Sentence] = []
        for span in split_sentences(doc):
            own = [m for m in mentions if span.start_char <= m.start and m.end <= span.end_char]
            is_title = title_end is not None and span.end_char <= title_end
            sentences.append(Sentence(len(sentences), span.start_char, span.end_char,
                                      text[span.start_char:span.end_char], own, is_title))
        assign_sentence_dates(sentences, published)
        return sentences

    return build


ARTICLE = """Australia, Vietnam lift ties to highest level

Australia and Vietnam on Thursday upgraded their relationship to a comprehensive strategic partnership, as Vietnamese Prime Minister Pham Minh Chinh visited Canberra.
The two countries had announced an intention to elevate ties in 2022.
The upgrade makes Australia one of Hanoi's top-tier partners, alongside China, Russia and India.
Australia and Vietnam have been strategic partners since 2018.
Separately, Vietnam has a strategic partnership on climate change with the Netherlands.
"""


def test_an_article_end_to_end(pipeline) -> None:
    published = dt.date(2024, 3, 8)
    title = ARTICLE.splitlines()[0]
    obs = extract_frameworks(pipeline(ARTICLE, published, title), published)
    got = {(o.a, o.b, o.tier, o.status, o.date.iso(), o.in_title) for o in obs}
    assert ("AUS", "VNM", "CSP", "established", "2024-03-07", False) in got
    assert ("AUS", "VNM", "SP", "established", "2018", False) in got
    for code in ("CHN", "IND", "RUS"):
        assert (code, "VNM", "CSP", "existing", None, False) in got
    assert ("AUS", "VNM", "CSP", "established", "2024-03-07", True) in got  # the headline, dated by the body
    assert not any("NLD" in (o.a, o.b) for o in obs)  # sectoral
    assert not any(o.status == "established" and o.date.iso() == "2022" for o in obs)  # an intention


def test_founding_article(pipeline) -> None:
    seed = SHARED / "eval" / "data" / "seed.jsonl"
    if not seed.exists():
        pytest.skip("../shared/eval/data/seed.jsonl is absent")
    record = json.loads(seed.read_text(encoding="utf-8").splitlines()[0])
    published = dt.date.fromisoformat(record["published"])
    obs = extract_frameworks(pipeline(record["text"], published, record.get("title")), published)
    got = {(o.a, o.b, o.tier, o.status, o.date.iso()) for o in obs}
    assert ("JPN", "VNM", "CSP", "established", "2023-11-27") in got
    for code in ("CHN", "IND", "USA"):
        assert (code, "VNM", "CSP", "existing", None) in got
    assert not any("KOR" in (o.a, o.b) for o in obs)
    assert not any(o.status == "established" and o.date.iso() != "2023-11-27" for o in obs)
