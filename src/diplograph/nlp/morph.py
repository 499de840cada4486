"""A cheap stand-in for spaCy's attribute_ruler + lemmatizer on candidate sentences.

In en_core_web_sm those two components cost more than the tagger and parser together on short
sentences (measured in docs/evaluation.md), and event coding needs only coarse parts of speech
and the lemmas of a few thousand known words (trigger lemmas, object classes, cue words). The
``diplograph_morph`` component sets ``pos`` from the tagger's fine-grained tag and ``lemma`` from a
table of known inflected forms (built by the event lexicon), with a plural rule for other nouns.
The parse itself is unchanged: the parser does not read these attributes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

TAG_POS: dict[str, str] = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN",
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "MD": "AUX",
    "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "AFX": "ADJ",
    "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV",
    "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "EX": "PRON",
    "DT": "DET", "PDT": "DET", "WDT": "DET",
    "IN": "ADP", "CC": "CCONJ", "CD": "NUM", "TO": "PART", "RP": "ADP", "POS": "PART", "UH": "INTJ",
    "_SP": "SPACE", "FW": "X", "SYM": "SYM", "$": "SYM", "LS": "X", "ADD": "X", "XX": "X",
}
AUX_DEPS = frozenset({"aux", "auxpass"})
COMPONENT = "diplograph_morph"

LemmaTable = Mapping[str, Mapping[str, str]]  # "VERB" / "NOUN" -> form -> lemma
_table_source: Callable[[], LemmaTable] | None = None


def set_lemma_source(source: Callable[[], LemmaTable]) -> None:
    """Register where the known-forms table comes from (the event lexicon registers itself)."""
    global _table_source
    _table_source = source
    _table.cache_clear()


@lru_cache(maxsize=1)
def _table() -> LemmaTable:
    return _table_source() if _table_source is not None else {}


def noun_lemma(lower: str) -> str:
    if len(lower) > 4 and lower.endswith("ies"):
        return lower[:-3] + "y"
    if lower.endswith(("sses", "xes", "ches", "shes")):
        return lower[:-2]
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return lower[:-1]
    return lower


@Language.component(COMPONENT)
def diplograph_morph(doc: Doc) -> Doc:
    tables = _table()
    verbs, nouns = tables.get("VERB", {}), tables.get("NOUN", {})
    for tok in doc:
        tag = tok.tag_
        pos = TAG_POS.get(tag, "PUNCT")
        if pos == "VERB" and tok.dep_ in AUX_DEPS:
            pos = "AUX"
        elif pos == "ADP" and tok.dep_ == "mark":
            pos = "SCONJ"
        tok.pos_ = pos
        lower = tok.lower_
        if pos in {"VERB", "AUX"}:
            lemma = verbs.get(lower) or nouns.get(lower) or lower
        else:
            lemma = nouns.get(lower) or verbs.get(lower)
            if lemma is None:
                lemma = noun_lemma(lower) if tag == "NNS" else lower
        tok.lemma_ = lemma
    return doc
