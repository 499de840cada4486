"""The claim checker: what an article says about a country's partnership tiers, compared with
the knowledge base as of the article's date.

Claims recognised (in the headline and the body):
- membership: "Japan joins China, US, India as top-tier partners of Vietnam", "... gained the status
  of Vietnam's top-tier partners, along with the US, China and India", "Vietnam's comprehensive
  strategic partners are ..." -> the complete list of the country's partners at that tier;
- inclusion: "... partners include ...", "such as", "among" -> some of them;
- count: "the sixth country to reach the highest level" -> the subject's position at that tier;
- pair and standing: one pair's tier as the framework extractor reads it, in any grammar; "pair"
  for an upgrade the article reports ("the relationship would become a comprehensive strategic
  partnership", "relations, which were raised to a strategic partnership in 2009"), judged as of
  its date (the end of the stated period: 2009's tier for "in 2009"), "standing" for a tier stated
  as in place ("are comprehensive strategic partners", "its strategic partner Japan", "the two
  CSP partners"), judged as of the article's date. Intentions claim nothing.
Verdicts: confirmed, incomplete (the list leaves out partners the KB has), contradicted (the
article names a level the KB does not have), unknown (the KB knows nothing to compare with).
Pair and standing verdicts come with the knowledge base's sources: how many, and the first few
evidence records (document, URL, sentence).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import ladders
from ..errors import InputError, UnknownActorError
from ..store import Store
from .asof import parse_day
from .names import resolve_actor
from .queries import partners, state_of_pair

VERDICT_ORDER = {"contradicted": 0, "incomplete": 1, "unknown": 2, "confirmed": 3}

_TOP = r"top[- ]tier|top[- ]level|highest[- ]level|highest[- ]tier|highest rung|highest status|highest form"
_LABEL = r"(?:comprehensive\s+)?(?:global\s+)?(?:strategic\s+)?(?:cooperative\s+)?partner(?:ships|ship|s)?"
TIER_PHRASE = re.compile(rf"(?P<top>{_TOP})|(?P<label>\b(?:comprehensive|strategic)\s+{_LABEL})", re.I)
PARTNER_WORD = re.compile(r"\bpartner(?:ships|ship|s)?\b|\blevel\b|\btier\b|\bties\b|\brelations?\b", re.I)
ORDINALS = {w: i for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth"], start=1)}
ORDINAL = re.compile(r"\b(?P<word>" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\s+(?:country|nation|partner|"
                     r"state|member)", re.I)
JOIN = re.compile(r"\b(?:joins?|joined|joining|along\s+with|alongside|together\s+with|as\s+well\s+as)\b", re.I)
ARE = re.compile(r"\bpartners\s+(?:are|were|now\s+are)\b", re.I)
INCLUDE = re.compile(r"\b(?:include|includes|included|including|such\s+as|among)\b", re.I)
CHANGE = re.compile(r"\b(?:upgrad\w*|elevat\w*|establish\w*|becom\w*|became|raise[ds]?|lift\w*|reach\w*|would\s+be)\b",
                    re.I)
# a capitalised name, optionally after 'the'; hyphenated pairs ("Japan-Vietnam") are split later
NAME = re.compile(r"(?:\bthe\s+)?\b[A-Z][\w.’'-]*(?:\s+(?:of\s+)?[A-Z][\w.’'-]*)*")
POSSESSIVE_FOCUS = re.compile(r"(?P<name>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s+(?:[\w-]+[,\s]+){0,5}?"
                              r"(?:partnerships?|partners?)\b")
OF_FOCUS = re.compile(r"\b(?:partners?|partnerships?|level|tier)\s+(?:of|with|for)\s+(?P<name>(?:the\s+)?[A-Z][\w.-]*"
                      r"(?:\s+[A-Z][\w.-]*)*)")
WRAP_MIN = 60
TERMINAL = ".!?\"”’'):;"
SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")


@dataclass
class Claim:
    """One claim an article makes about partnership tiers."""

    kind: str  # members | includes | count | pair | standing
    country: str
    tier: str
    text: str
    subject: str | None = None
    listed: list[str] = field(default_factory=list)
    ordinal: int | None = None
    in_title: bool = False
    label: str | None = None
    date: str | None = None  # a standing claim's own date ("raised to ... in 2009"): judged as of then

    def key(self) -> tuple[Any, ...]:
        return (self.kind, self.country, self.tier, self.subject, tuple(sorted(self.listed)), self.ordinal)


def _resolve(name: str) -> str | None:
    for candidate in dict.fromkeys((name, name.rstrip(".’'-"))):
        try:
            return resolve_actor(candidate)
        except UnknownActorError:
            continue
    return None


def _names(text: str) -> list[tuple[int, str]]:
    """(offset, code) of every actor named in ``text``, in order, each code once."""
    found: list[tuple[int, str]] = []
    seen: set[str] = set()
    for match in NAME.finditer(text):
        phrase = match.group(0)
        parts = [phrase]
        bare = re.sub(r"^the\s+", "", phrase, flags=re.I)
        if "-" in bare:
            pieces = bare.split("-")
            if all(p[:1].isupper() for p in pieces):
                parts = pieces
        offset = match.start()
        for part in parts:
            code = _resolve(part)
            if code is None:
                words = part.split()
                # a longer capitalised run ("Japanese Prime Minister Fumio Kishida"): try its words
                for word in words if len(words) > 1 else []:
                    code = _resolve(word)
                    if code:
                        break
            if code and code not in seen:
                seen.add(code)
                found.append((offset, code))
            offset += len(part) + 1
    return found


def _tier_of(match: re.Match[str], country: str) -> tuple[str | None, str]:
    if match.group("top"):
        return ladders.top_tier(country), match.group(0)
    phrase = match.group("label")
    label = re.sub(r"partners?$", "partnership", phrase.lower().strip())
    return ladders.tier_of_label(label), label


def _focus(sentence: str, codes: list[tuple[int, str]]) -> str | None:
    for pattern in (POSSESSIVE_FOCUS, OF_FOCUS):
        match = pattern.search(sentence)
        if match:
            code = _resolve(match.group("name"))
            if code:
                return code
    return None


def claims_in_sentence(sentence: str, *, in_title: bool = False, focus: str | None = None) -> list[Claim]:
    """The tier claims one sentence makes (usually none)."""
    tier_match = TIER_PHRASE.search(sentence)
    if tier_match is None:
        return []
    named = _names(sentence)
    country = _focus(sentence, named) or focus
    if country is None:
        return []
    others = [code for _, code in named if code != country]
    tier, label = _tier_of(tier_match, country)
    if tier is None:
        return []
    ordinal = ORDINAL.search(sentence)
    if ordinal and others:
        word = ordinal.group("word").lower()
        number = ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        return [Claim("count", country, tier, sentence, subject=others[0], ordinal=number, in_title=in_title,
                      label=label)]
    join = JOIN.search(sentence)
    if join and len(others) >= 2:
        return [Claim("members", country, tier, sentence, subject=others[0], listed=others[1:], in_title=in_title,
                      label=label)]
    if ARE.search(sentence) and others:
        return [Claim("members", country, tier, sentence, listed=others, in_title=in_title, label=label)]
    if INCLUDE.search(sentence) and others:
        return [Claim("includes", country, tier, sentence, listed=others, in_title=in_title, label=label)]
    return []  # one pair's tier: standing_claims, from the framework extractor's reading


def _unwrap(text: str) -> list[str]:
    """Paragraphs as single lines: a long line without final punctuation continues on the next
    line (hard-wrapped text); short lines (headlines, teasers) stand alone."""
    lines: list[str] = []
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if current:
                lines.append(current)
            current = ""
            continue
        current = f"{current} {line}" if current else line
        if len(line) < WRAP_MIN or line[-1] in TERMINAL:
            lines.append(current)
            current = ""
    if current:
        lines.append(current)
    return lines


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for line in _unwrap(text):
        sentences.extend(s.strip() for s in SENTENCE_END.split(line) if s.strip())
    return sentences


def _pair_focus(text: str) -> str | None:
    """The country a pair sentence is about when it names two: the most named one in the text."""
    counts: dict[str, int] = {}
    for _, code in _names(text):
        counts[code] = counts.get(code, 0) + 1
    return max(counts, key=lambda c: (counts[c], c)) if counts else None


def extract_claims(title: str | None, text: str, published: dt.date | None = None) -> list[Claim]:
    """Every distinct tier claim of an article (a headline claim repeated in the body counts once):
    the list, count and pair claims below, then the standing tiers the framework extractor finds
    for pairs those do not cover."""
    claims: list[Claim] = []
    seen: set[tuple[Any, ...]] = set()
    sentences = [(title, True)] if title else []
    sentences += [(s, False) for s in split_sentences(text) if s != title]
    focus = None
    for sentence, in_title in sentences:
        found = claims_in_sentence(sentence, in_title=in_title)
        if not found and TIER_PHRASE.search(sentence) and CHANGE.search(sentence):
            # "Japan joins China and India as top-tier partners": whose, when the sentence names two
            named = [code for _, code in _names(sentence)]
            if len(named) == 2:
                focus = focus or _pair_focus(" ".join(s for s, _ in sentences))
                country = focus if focus in named else named[1]
                found = claims_in_sentence(sentence, in_title=in_title, focus=country)
        for claim in found:
            if claim.key() not in seen:
                seen.add(claim.key())
                claims.append(claim)
    covered = {tuple(sorted((c.country, other))) for c in claims for other in [c.subject or "", *c.listed] if other}
    claims.extend(standing_claims(title, text, published, covered))
    return claims


STANDING_EVIDENCE = 3  # evidence records shown with a pair or standing verdict


def standing_claims(title: str | None, text: str, published: dt.date | None,
                    covered: set[tuple[str, ...]] = frozenset()) -> list[Claim]:  # type: ignore[assignment]
    """A pair's tier as the framework extractor reads it, one claim per (pair, tier): 'pair' for
    an upgrade the article reports (judged as of its date), 'standing' for a tier it states as in
    place. An intention claims nothing; pairs in ``covered`` already have a list claim."""
    claims: list[Claim] = []
    seen: set[tuple[str, str, str]] = set()
    for o in _framework_observations(title, text, published):
        if o.status not in ("existing", "established") or (o.a, o.b) in covered or (o.a, o.b, o.tier) in seen:
            continue
        if o.status == "established" and published is not None and o.date.value is not None and o.date.value > published:
            continue
        seen.add((o.a, o.b, o.tier))
        established = o.status == "established"
        claims.append(Claim("pair" if established else "standing", o.a, o.tier, o.evidence, subject=o.b,
                            in_title=o.in_title, label=o.label, date=o.date.iso() if established else None))
    return claims


def _framework_observations(title: str | None, text: str, published: dt.date | None) -> list[Any]:
    """The article through the cheap stages of the coding pipeline (tokenizer, actor mentions,
    sentence dates) and the framework extractor; no parse, nothing stored."""
    from ..code.frameworks import extract_frameworks
    from ..dates import assign_sentence_dates
    from ..model import Sentence
    from ..nlp.sentences import split_sentences as sentence_spans

    nlp, matcher = _pipeline()
    body = "\n".join(_unwrap(text))
    full = f"{title}\n\n{body}" if title else body
    title_end = len(title) if title else None
    doc = nlp(full)
    mentions = matcher.find_mentions(doc, published, title_end)
    sentences: list[Sentence] = []
    for span in sentence_spans(doc, full):
        own = [m for m in mentions if span.start_char <= m.start and m.end <= span.end_char]
        is_title = title_end is not None and span.end_char <= title_end
        sentences.append(Sentence(len(sentences), span.start_char, span.end_char, full[span.start_char:span.end_char],
                                  own, is_title))
    assign_sentence_dates(sentences, published)
    return extract_frameworks(sentences, published)


@lru_cache(maxsize=1)
def _pipeline() -> tuple[Any, Any]:
    import spacy

    from ..actors import ActorMatcher

    nlp = spacy.blank("en")
    return nlp, ActorMatcher(nlp)


def _period_end(date: str) -> dt.date:
    """The last day of a 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' period."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(parts[0], parts[1], parts[2])


def _source(record: dict[str, Any]) -> dict[str, Any]:
    return {k: record.get(k) for k in ("doc_id", "url", "published", "sentence", "source")}


def _kb_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in ("partner", "name", "tier", "label", "since", "in_force_by", "sources", "reference")}


def verify(store: Store, claim: Claim, as_of: dt.date, *, include_reference: bool = True) -> dict[str, Any]:
    """One claim's verdict with the knowledge base's answer beside it."""
    if claim.kind in ("pair", "standing") and claim.date:
        as_of = min(as_of, _period_end(claim.date))  # "raised to a strategic partnership in 2009"
    result: dict[str, Any] = {**asdict(claim), "as_of": as_of.isoformat()}
    if claim.kind in ("pair", "standing"):
        assert claim.subject is not None
        state = state_of_pair(store, claim.country, claim.subject, as_of, include_reference=include_reference)
        if state is None or state.tier is None:
            result.update(verdict="unknown", kb=None, reason="the knowledge base has no framework for this pair")
            return result
        ok = state.tier == claim.tier
        result.update(verdict="confirmed" if ok else "contradicted",
                      kb={"tier": state.tier, "label": state.label, "since": state.since,
                          "in_force_by": state.in_force_by, "sources": state.sources,
                          "evidence": [_source(e) for e in state.evidence[:STANDING_EVIDENCE]]},
                      reason=None if ok else f"the knowledge base has {state.tier} on {as_of}, not {claim.tier}")
        return result

    every = partners(store, claim.country, as_of, include_reference=include_reference)
    at_tier = [r for r in every if r["tier"] == claim.tier]
    kb_codes = [r["partner"] for r in at_tier]
    result["kb"] = [_kb_row(r) for r in at_tier]
    if not at_tier:
        result.update(verdict="unknown", missing=[], unexpected=[],
                      reason=f"the knowledge base has no {claim.tier} partners of {claim.country} on {as_of}")
        return result
    claimed = ([claim.subject] if claim.subject else []) + list(claim.listed)
    unexpected = [c for c in claimed if c not in kb_codes]
    elsewhere = {r["partner"]: _kb_row(r) for r in every if r["partner"] in unexpected}
    result["unexpected"] = unexpected
    result["unexpected_kb"] = [elsewhere.get(c, {"partner": c, "tier": None}) for c in unexpected]
    if claim.kind == "count":
        ordered = sorted(at_tier, key=lambda r: (r["since"] or r["in_force_by"] or "9999", r["partner"]))
        position = next((i for i, r in enumerate(ordered, start=1) if r["partner"] == claim.subject), None)
        result["missing"] = []
        result["position"] = position
        if position == claim.ordinal:
            result.update(verdict="confirmed", reason=None)
        else:
            result.update(verdict="contradicted",
                          reason=f"the knowledge base puts {claim.subject} at position {position} of {len(ordered)}"
                          if position else f"{claim.subject} is not a {claim.tier} partner in the knowledge base")
        return result
    missing = [c for c in kb_codes if c not in claimed]
    result["missing"] = missing
    if unexpected:
        result.update(verdict="contradicted",
                      reason=f"not {claim.tier} partners of {claim.country} in the knowledge base: {', '.join(unexpected)}")
    elif missing and claim.kind == "members":
        result.update(verdict="incomplete",
                      reason=f"also {claim.tier} partners of {claim.country} on {as_of}: {', '.join(missing)}")
    else:
        result.update(verdict="confirmed", reason=None)
    return result


@dataclass
class Article:
    title: str | None
    text: str
    published: str | None
    id: str | None = None


def read_article(source: str | Path, stdin_text: str | None = None) -> list[Article]:
    """Articles from a .txt file (first line: the headline), a .json/.jsonl record (title, text,
    published) or '-' (standard input, given as ``stdin_text``)."""
    if str(source) == "-":
        raw = stdin_text or ""
        name = "<stdin>"
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"no such article file: {source}", reason="not-found")
        try:
            raw = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise InputError(f"cannot read {source}: {exc}", reason="unreadable") from None
        name = path.name
    stripped = raw.lstrip()
    if stripped.startswith("{"):
        if _is_json(stripped):  # one (possibly pretty-printed) JSON record
            return [_article(json.loads(stripped))]
        articles = []
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                articles.append(_article(json.loads(line)))
            except json.JSONDecodeError:
                raise InputError(f"{name} line {number}: not JSON", reason="bad-json") from None
        return articles
    lines = raw.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise InputError(f"{name} is empty", reason="empty")
    return [Article(title=lines[first].strip(), text="\n".join(lines[first + 1:]), published=None)]


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
        return True
    except json.JSONDecodeError:
        return False


def _article(record: Any) -> Article:
    if not isinstance(record, dict) or not (record.get("text") or record.get("title")):
        raise InputError("an article record needs 'text' (and optionally 'title', 'published')", reason="bad-record")
    return Article(title=record.get("title"), text=str(record.get("text") or ""),
                   published=record.get("published"), id=record.get("id"))


def check_article(store: Store, article: Article, *, published: str | None = None,
                  include_reference: bool = True) -> dict[str, Any]:
    """Every tier claim of ``article`` checked against the knowledge base on its publication date."""
    day = parse_day(published or (article.published or None), name="published")
    as_of = day or dt.date.today()
    claims = extract_claims(article.title, article.text, day)
    results = [verify(store, claim, as_of, include_reference=include_reference) for claim in claims]
    verdict = min((r["verdict"] for r in results), key=VERDICT_ORDER.__getitem__) if results else "no-claims"
    return {"id": article.id, "title": article.title, "as_of": as_of.isoformat(), "published_known": day is not None,
            "verdict": verdict, "claims": results}


def check(store: Store, source: str | Path, *, published: str | None = None, include_reference: bool = True,
          stdin_text: str | None = None) -> list[dict[str, Any]]:
    """Check every article in ``source`` (see :func:`read_article`)."""
    return [check_article(store, a, published=published, include_reference=include_reference)
            for a in read_article(source, stdin_text)]
