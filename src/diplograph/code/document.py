"""Per-document coding: the orchestration that makes diplograph fast.

1. Tokenize the whole text (cheap), split sentences by rule, find actor mentions over the whole
   document (persons and "the two leaders" need document context), date every sentence.
2. Keep candidate sentences only: an actor mention (state, organisation, person, pair) and a
   trigger word of the lexicon or a framework cue (nlp/candidates.py).
3. Parse only the candidates, batched across documents (``analyze_many``) with NER left out.
4. Code events per parsed candidate; frameworks over all sentences.

Titles: the headline is coded like a sentence, but an event from it is dropped when the body has
an event of the same type between the same parties (the headline summarises the body; counting
both would double the fact). A headline-only event is kept, with ``sentence_index`` 0 pointing at
the title sentence. Framework observations from the title are kept with ``in_title`` (DESIGN.md:
a headline that contradicts its body is kept and shown)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..dates import assign_sentence_dates
from ..dates.publication import read_publication_date
from ..errors import InputError
from ..model import Analysis, Document, Event, FrameworkObservation, Mention, Sentence
from ..nlp import has_parser, load_nlp
from ..nlp.candidates import CandidateFilter
from ..nlp.sentences import SentenceSpan, split_sentences
from ..read.plain import field_type_problem, not_an_object
from .classifier import EventClassifier
from .events import EVENTS_VERSION, code_sentence
from .frameworks import FRAMEWORK_EXTRACTOR_VERSION, extract_frameworks, is_framework_candidate
from .plover import Lexicon, load_lexicon, load_ontology
from .sides import ArticleFocus
from .structure import TokenMention, demand_cue_forms

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..settings import Options

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = f"{EVENTS_VERSION}+lexicon-{load_lexicon().version}+{FRAMEWORK_EXTRACTOR_VERSION}"
PARSE_BATCH = 256
# acute accents and backticks typed for apostrophes ("Ukraine´s", "Ukraine`s") are read as ’ so that
# possessives work; one character for one, so offsets into the text stay the same
APOSTROPHES = str.maketrans({"´": "’", "`": "’"})
# a document bigger than this is not coded (it would be a dump, not an article)
MAX_CHARS = 2_000_000


@dataclass
class _Pending:
    """One document between the cheap pass and the parse."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[Sentence] = field(default_factory=list)
    candidate_docs: list[Doc] = field(default_factory=list)
    error: str | None = None  # why the document is not coded (a sentence)
    error_reason: str = "coding-failed"  # the same as a short code (Analysis.not_coded)


class DocumentCoder:
    """Codes documents into mentions, events and framework observations. Build one per process
    (the model, lexicon, matcher and classifier load once); nothing in it needs pickling."""

    def __init__(self, options: Options | None = None, nlp: Language | None = None, *,
                 use_classifier: bool = False, lexicon: Lexicon | None = None) -> None:
        from ..actors import ActorMatcher

        self.options = options
        self.nlp = nlp if nlp is not None else load_nlp(options)
        self.parsed = has_parser(self.nlp)
        self.tokenizer = self.nlp.tokenizer
        self.matcher = ActorMatcher(self.nlp)
        # the shipped lexicon, or another (an evaluation of lexicon groups: plover.build_lexicon)
        self.lexicon = lexicon or load_lexicon()
        self.ontology = load_ontology()
        # "X said Y must ...": a demand needs no trigger word of its own (structure.demand_clauses)
        demand_forms, demand_needs = demand_cue_forms(self.lexicon.irregular)
        self.trigger_forms = self.lexicon.surface_forms | demand_forms
        requirements = dict(self.lexicon.form_requirements)
        for form in demand_forms:
            requirements[form] = requirements.get(form, ()) + (demand_needs,)
        # The classifier only fills in where no trigger fired (+1 of 322 gold sentences, see
        # docs/evaluation.md) and importing scikit-learn costs ~4 s per process: `diplograph code`
        # turns it on, ingest leaves it off unless asked. It is loaded on first use.
        self.use_classifier = use_classifier
        self._classifier: Any = None
        self._classifier_loaded = False
        self.extractor = EXTRACTOR_VERSION
        self._framework_candidate: Callable[[str], bool] = is_framework_candidate
        self._disable = [p for p in self.nlp.pipe_names if p in {"ner"}]
        self.filter = CandidateFilter(self.nlp.vocab, self.trigger_forms, requirements,
                                      self._framework_candidate)

    # ------------------------------------------------------------------ public API
    def analyze(self, document: Document) -> Analysis:
        return next(iter(self.analyze_many([document])))[1]

    def analyze_many(self, documents: Iterable[Document], batch_size: int = 64) -> Iterator[tuple[Document, Analysis]]:
        """Analyses in input order; the parse of candidate sentences is batched across documents."""
        batch: list[_Pending] = []
        for document in documents:
            batch.append(self._prepare(document))
            if len(batch) >= batch_size:
                yield from self._finish(batch)
                batch = []
        if batch:
            yield from self._finish(batch)

    def code_records(self, records: Iterable[dict[str, Any]], batch_size: int = 64) -> Iterator[dict[str, Any]]:
        """`diplograph code`: ``{"id", "text", "date"?}`` -> ``{"id", "events": [...]}``, one
        output per input, ``"error"`` on a record that cannot be coded."""
        pending: list[tuple[dict[str, Any], Document | None, str | None]] = []

        def flush() -> Iterator[dict[str, Any]]:
            docs = [d for _, d, _ in pending if d is not None]
            analyses = iter(self.analyze_many(docs, batch_size=batch_size))
            for record_id, doc, error in pending:
                if doc is None:
                    yield {"id": record_id, "events": [], "error": error}
                    continue
                _, analysis = next(analyses)
                out: dict[str, Any] = {"id": record_id, "events": [e.to_record() for e in analysis.events]}
                if analysis.frameworks:
                    out["frameworks"] = [f.to_record() for f in analysis.frameworks]
                yield out

        for n, record in enumerate(records):
            record_id, doc, error = _record_document(record, n)
            pending.append((record_id, doc, error))  # type: ignore[arg-type]
            if len(pending) >= batch_size:
                yield from flush()
                pending = []
        if pending:
            yield from flush()

    # ------------------------------------------------------------------ stages
    def _prepare(self, document: Document) -> _Pending:
        pending = _Pending(document)
        text = document.text or ""
        if len(text) > MAX_CHARS:
            pending.error = f"{len(text)} characters: over the coding limit of {MAX_CHARS} (stored, not coded)"
            pending.error_reason = "over-coding-limit"
            return pending
        try:
            doc = self.tokenizer(text.translate(APOSTROPHES))
            spans = split_sentences(doc, text)
            title_end = document.title_span[1] if document.title_span else None
            mentions = self.matcher.find_mentions(doc, published=document.published, title_end=title_end)
            pending.mentions = mentions
            pending.sentences = _sentences(text, spans, mentions, title_end)
            assign_sentence_dates(pending.sentences, document.published)
            flags = self.filter.select(doc, [(s.start, s.end) for s in spans],
                                       [s.mentions for s in pending.sentences], [s.text for s in pending.sentences])
            for sentence, flag in zip(pending.sentences, flags, strict=True):
                if flag:
                    pending.candidates.append(sentence)
                    # re-tokenizing the sentence text costs a quarter of Span.as_doc()
                    pending.candidate_docs.append(self.tokenizer(sentence.text.translate(APOSTROPHES)))
        except InputError as exc:
            pending.error = exc.message
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
            log.exception("preparing document %s for coding failed", document.doc_id)
            pending.error = f"coding failed: {exc}"
            pending.candidates, pending.candidate_docs = [], []
        return pending

    def _finish(self, batch: list[_Pending]) -> Iterator[tuple[Document, Analysis]]:
        docs = [d for p in batch for d in p.candidate_docs]
        if self.parsed and docs:
            parsed = list(self.nlp.pipe(docs, batch_size=PARSE_BATCH, disable=self._disable))
        else:
            parsed = docs
        k = 0
        for pending in batch:
            n = len(pending.candidate_docs)
            yield pending.document, self._code(pending, parsed[k:k + n])
            k += n

    @property
    def classifier(self) -> Any:
        if self.use_classifier and not self._classifier_loaded:
            self._classifier_loaded = True
            self._classifier = _load_classifier()
        return self._classifier if self.use_classifier else None

    @classifier.setter
    def classifier(self, value: Any) -> None:
        self._classifier, self._classifier_loaded = value, True
        self.use_classifier = value is not None

    def _classify_one(self, text: str) -> dict[str, float]:
        model = self.classifier
        if model is None:
            return {}
        try:
            return model.predict_proba([text])[0]
        except Exception as exc:  # noqa: BLE001 - a broken model must not stop coding
            log.warning("event classifier failed, continuing with the lexicon only: %s", exc)
            self.classifier = None
            return {}

    def _code(self, pending: _Pending, parsed: list[Doc]) -> Analysis:
        analysis = Analysis(extractor=self.extractor, mentions=pending.mentions,
                            sentences_total=len(pending.sentences), sentences_parsed=len(parsed) if self.parsed else 0)
        if pending.error:
            log.warning("document %s not coded: %s", pending.document.doc_id, pending.error)
            analysis.not_coded, analysis.not_coded_detail = pending.error_reason, pending.error
            return analysis
        title_events: list[Event] = []
        body_events: list[Event] = []
        classify = self._classify_one if self.use_classifier else None
        title_end = pending.document.title_span[1] if pending.document.title_span else None
        focus = ArticleFocus.of(pending.mentions, title_end)
        for sentence, sdoc in zip(pending.candidates, parsed, strict=True):
            token_mentions = _token_mentions(sdoc, sentence)
            try:
                events = code_sentence(sdoc, token_mentions, sentence, parsed=self.parsed, classify=classify,
                                       extractor=self.extractor, lexicon=self.lexicon, ontology=self.ontology,
                                       focus=focus, history=title_events + body_events,
                                       published=pending.document.published)
            except Exception:  # noqa: BLE001 - a rule's bug on one sentence must not lose the document
                log.exception("coding sentence %d of document %s failed", sentence.index, pending.document.doc_id)
                continue
            (title_events if sentence.is_title else body_events).extend(events)
        body_keys = {_event_key(e) for e in body_events}
        analysis.events = [e for e in title_events if _event_key(e) not in body_keys] + body_events
        analysis.frameworks = self._frameworks(pending)
        return analysis

    def _frameworks(self, pending: _Pending) -> list[FrameworkObservation]:
        try:
            found = extract_frameworks(pending.sentences, pending.document.published)
        except Exception:  # noqa: BLE001 - one extractor's bug must not lose the document's events
            log.exception("framework extraction failed on document %s", pending.document.doc_id)
            return []
        for obs in found:
            if not obs.extractor:
                obs.extractor = self.extractor
        return found


# ---------------------------------------------------------------------- helpers
def _load_classifier() -> EventClassifier | None:
    try:
        return EventClassifier.load()
    except Exception as exc:  # noqa: BLE001 - coding works without the classifier
        log.warning("event classifier not loaded (%s); coding with the trigger lexicon only", exc)
        return None


def _sentences(text: str, spans: list[SentenceSpan], mentions: list[Mention], title_end: int | None) -> list[Sentence]:
    sentences: list[Sentence] = []
    k = 0
    ordered = sorted(mentions, key=lambda m: m.start)
    for index, span in enumerate(spans):
        inside: list[Mention] = []
        while k < len(ordered) and ordered[k].start < span.start_char:
            k += 1
        j = k
        while j < len(ordered) and ordered[j].start < span.end_char:
            if ordered[j].end <= span.end_char:
                inside.append(ordered[j])
            j += 1
        sentences.append(Sentence(
            index=index,
            start=span.start_char,
            end=span.end_char,
            text=text[span.start_char:span.end_char],  # not doc.text: it is rebuilt on every access
            mentions=inside,
            is_title=title_end is not None and span.start_char < title_end,
        ))
    return sentences


def _token_mentions(sdoc: Doc, sentence: Sentence) -> list[TokenMention]:
    out: list[TokenMention] = []
    for m in sentence.mentions:
        span = sdoc.char_span(m.start - sentence.start, m.end - sentence.start, alignment_mode="expand")
        if span is not None and len(span):
            out.append(TokenMention(m, span.start, span.end))
    return out


def _event_key(event: Event) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    return event.event, tuple(sorted(event.actor)), tuple(sorted(event.recipient))


def _record_document(record: Any, n: int) -> tuple[Any, Document | None, str | None]:
    """A `diplograph code` input line as a Document, or the reason it cannot be one (plain words)."""
    if not isinstance(record, dict):
        return None, None, not_an_object(record)
    record_id = record.get("id", n)
    text = record.get("text")
    if text is None:
        return record_id, None, 'field "text" is missing'
    if not isinstance(text, str):
        return record_id, None, field_type_problem("text", text)
    if not text.strip():
        return record_id, None, 'field "text" is empty'
    if len(text) > MAX_CHARS:
        return record_id, None, f'field "text" is over {MAX_CHARS} characters'
    # the one publication-date parser of every input (dates.publication: 20240103 is 2024-01-03);
    # `code` stores nothing that could keep a warning, so a date that is not clear is this line's
    # error, in plain words
    name = "date" if record.get("date") not in (None, "") else "published"
    raw_date = record.get(name)
    reading = read_publication_date(raw_date)
    if reading.reason is not None:
        detail = f": {reading.detail}" if reading.detail else ""
        return record_id, None, f'field "{name}" must be a clear date (YYYY-MM-DD), got {raw_date!r}{detail}'
    return record_id, Document(doc_id=str(record_id), text=text, published=reading.date, record_id=str(record_id)), None
