"""The PLOVER ontology (data/plover.json) and the trigger lexicon (data/triggers.json), loaded
once and indexed for matching. Everything here is data access; no text analysis."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ModelError

VERB = "VERB"
NOUN = "NOUN"


@dataclass(frozen=True)
class TypeInfo:
    """Static attributes of one PLOVER type."""

    name: str
    cameo_root: str
    goldstein: float
    quad_class: int
    intensity: float
    modes: tuple[str, ...]
    mode_cameo_root: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a lemma (with an optional particle or fixed object) that signals a type."""

    lemma: str
    pos: str
    type: str
    particle: str | None = None
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    obj: tuple[tuple[str, str], ...] = ()  # (object lemma or CLASS or '*', type)
    need_obj: bool = False
    not_obj: tuple[str, ...] = ()
    need_mod: tuple[str, ...] = ()
    mods: tuple[tuple[str, str], ...] = ()  # modifier lemma -> mode
    need_light: bool = False
    need_light_lemma: tuple[str, ...] = ()
    need_prep: tuple[str, ...] = ()
    need_of: tuple[str, ...] = ()
    need_xcomp: bool = False
    not_xcomp: bool = False
    need_subj: tuple[str, ...] = ()
    need_head: tuple[str, ...] = ()
    need_ccomp: bool = False
    # nouns: a modifier or "for" object in these lemmas/classes cancels it ("oil demand", "demand for oil")
    not_mod: tuple[str, ...] = ()
    # nouns: only as a count noun (plural, or with a determiner or possessor): "a demand", "their
    # demands"; a bare singular is the mass noun ("domestic demand grew")
    need_count: bool = False
    strict: bool = False  # its conditions hold in the relaxed pass too (the word's sense depends on them)
    weak: bool = False
    # only as a stated future or conditional act ("would respond", "will pay a heavy price"): a
    # threat; the same verb in the past says what was done
    need_future: bool = False
    # particles that give the verb another sense ("sworn in as president" is no vow)
    not_particle: tuple[str, ...] = ()
    # where the entry comes from: "hand" (triggers.json) or the CAMEO code of a converted
    # CAMEO verb (triggers_cameo.json, "cameo:0841")
    source: str = "hand"

    @property
    def unconditional(self) -> bool:
        """Fires on its word alone (no object, modifier, light verb ... condition)."""
        return not (self.particle or self.need_obj or self.need_mod or self.need_light or self.need_light_lemma
                    or self.need_prep or self.need_of or self.need_xcomp or self.need_ccomp or self.need_subj
                    or self.need_head)

    @property
    def text(self) -> str:
        return f"{self.lemma} {self.particle}" if self.particle else self.lemma


@dataclass
class Lexicon:
    version: str
    by_lemma: dict[tuple[str, str], list[Trigger]]
    classes: dict[str, frozenset[str]]
    light_verbs: frozenset[str]
    mode_cues: dict[str, dict[str, frozenset[str]]]
    context_cues: dict[str, frozenset[str]]
    context_defaults: dict[str, tuple[str, ...]]
    surface_forms: frozenset[str]
    protesters: frozenset[str] = frozenset()
    # inflected form -> lemmas, for pipelines without a lemmatizer
    form_lemmas: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # inflected form -> what else the sentence must contain for one of its entries to fire
    # (None: nothing); the cheap pre-parse filter reads it (nlp/candidates.py)
    form_requirements: dict[str, tuple[frozenset[str] | None, ...]] = field(default_factory=dict)
    irregular: dict[str, list[str]] = field(default_factory=dict)

    def entries(self, lemma: str, pos: str) -> list[Trigger]:
        return self.by_lemma.get((lemma, pos), [])

    def in_class(self, lemma: str, key: str) -> bool:
        """``key`` is a lemma or the name of a word class in capitals."""
        if key.isupper():
            return lemma in self.classes.get(key, ())
        return lemma == key


@dataclass(frozen=True)
class Ontology:
    version: str
    types: dict[str, TypeInfo]
    contexts: tuple[str, ...]

    def info(self, event_type: str) -> TypeInfo:
        return self.types[event_type]

    def crosswalk(self, event_type: str, mode: str | None) -> tuple[str, float, int]:
        """(CAMEO root, Goldstein value, quad class) for a type and mode."""
        info = self.types[event_type]
        root = info.mode_cameo_root.get(mode or "", info.cameo_root)
        if root == info.cameo_root:
            return root, info.goldstein, info.quad_class
        data = _read("plover.json")["cameo_roots"][root]
        return root, float(data["goldstein"]), int(data["quad_class"])


def _read(name: str) -> dict[str, Any]:
    try:
        text = resources.files("diplograph.code").joinpath("data", name).read_text(encoding="utf-8")
        return json.loads(text)
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"cannot read the coding data file {name}: {exc}") from None


@lru_cache(maxsize=1)
def word_lists() -> dict[str, list[str]]:
    """The content-word lists of triggers.json ("word_lists"): modality governors, state agents..."""
    return {k: v for k, v in _read("triggers.json").get("word_lists", {}).items() if k != "about"}


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    data = _read("plover.json")
    roots = data["cameo_roots"]
    types: dict[str, TypeInfo] = {}
    for name, t in data["types"].items():
        root = roots[t["cameo_root"]]
        types[name] = TypeInfo(
            name=name,
            cameo_root=t["cameo_root"],
            goldstein=float(root["goldstein"]),
            quad_class=int(root["quad_class"]),
            intensity=float(t["intensity"]),
            modes=tuple(t.get("modes", ())),
            mode_cameo_root=dict(t.get("mode_cameo_root", {})),
        )
    return Ontology(version=str(data["version"]), types=types, contexts=tuple(data["contexts"]))


def inflections(word: str, pos: str, irregular: dict[str, list[str]]) -> set[str]:
    """Generous inflected forms of a lemma, for the cheap pre-parse filter (over-generation is
    harmless there: a non-word never occurs in text)."""
    forms = {word}
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(word + "es")  # "vetoes", "echoes" (and "vetos": the plain -s form below)
        if word.endswith("o"):
            forms.add(word + "s")
    elif word.endswith("y") and word[-2:-1] not in "aeiou":
        forms.add(word[:-1] + "ies")
    else:
        forms.add(word + "s")
    if pos == VERB:
        stem = word[:-1] if word.endswith("e") else word
        if word.endswith("y") and word[-2:-1] not in "aeiou":
            forms.add(word[:-1] + "ied")
        forms.update({stem + "ed", stem + "ing", word + "ed", word + "ing"})
        if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
            forms.update({word + word[-1] + "ed", word + word[-1] + "ing"})
        forms.update(irregular.get(word, ()))
    return forms


def _requirement(trig: Trigger, classes: dict[str, list[str]], light: frozenset[str],
                 irregular: dict[str, list[str]]) -> frozenset[str] | None:
    """Words (lower-cased forms) of which at least one must be in the sentence for ``trig`` to be
    able to fire: its particle, the objects, subject or head it needs. None when it needs nothing."""
    def expand(keys: tuple[str, ...], pos: str = NOUN) -> set[str]:
        out: set[str] = set()
        for key in keys:
            for word in classes.get(key, [key]) if key.isupper() else [key]:
                out |= inflections(word, pos, irregular)
        return out

    if trig.particle:
        return frozenset({trig.particle})
    words: set[str] | None = None
    if trig.need_obj and not any(k == "*" for k, _ in trig.obj):
        words = expand(tuple(k for k, _ in trig.obj))
    elif trig.need_of:
        words = expand(trig.need_of)
    elif trig.need_subj:
        words = expand(trig.need_subj)
    elif trig.need_head:
        words = set(trig.need_head)
    elif trig.need_xcomp:
        words = {"to"}
    elif trig.strict and trig.need_mod:
        words = expand(trig.need_mod)  # "joint statement": never fired without its modifier
    elif trig.strict and trig.need_light_lemma:
        words = expand(trig.need_light_lemma, VERB)  # "voiced concern": never without its verb
    # nouns that need a modifier or a light verb are left to the parse: the relaxed pass may use them
    return frozenset(words) if words is not None else None


def cameo_verbs() -> tuple[frozenset[str], dict[str, list[str]]]:
    """The lemmas of every converted CAMEO verb, kept or not, and their irregular forms (read from
    the data file without building entries: the lemma table needs only these)."""
    extra = _read("triggers_cameo.json")
    lemmas = {raw["w"].split()[0] for entries in extra.get("types", {}).values() for raw in entries}
    return frozenset(lemmas), dict(extra.get("irregular", {}))


def cameo_groups() -> dict[str, dict[str, Any]]:
    """The groups of converted CAMEO entries (triggers_cameo.json) with their keep flag and the
    measurement that decided it."""
    return dict(_read("triggers_cameo.json").get("groups", {}))


def _trigger(raw: dict[str, Any], type_name: str, source: str) -> Trigger:
    words = raw["w"].split()
    return Trigger(
        lemma=words[0],
        pos=raw.get("pos", VERB),
        type=raw.get("t", type_name),
        particle=words[1] if len(words) > 1 else None,
        mode=raw.get("m"),
        contexts=tuple(raw.get("c", ())),
        obj=tuple((k, v) for k, v in raw.get("obj", {}).items()),
        need_obj=bool(raw.get("need_obj", False)),
        not_obj=tuple(raw.get("not_obj", ())),
        need_mod=tuple(raw.get("need_mod", ())),
        mods=tuple(raw.get("mods", {}).items()),
        need_light=bool(raw.get("need_light", False)),
        need_light_lemma=tuple(raw.get("need_light_lemma", ())),
        need_prep=tuple(raw.get("need_prep", ())),
        need_of=tuple(raw.get("need_of", ())),
        need_xcomp=bool(raw.get("need_xcomp", False)),
        not_xcomp=bool(raw.get("not_xcomp", False)),
        need_subj=tuple(raw.get("need_subj", ())),
        need_head=tuple(raw.get("need_head", ())),
        need_ccomp=bool(raw.get("need_ccomp", False)),
        not_mod=tuple(raw.get("not_mod", ())),
        need_count=bool(raw.get("need_count", False)),
        strict=bool(raw.get("strict", False)),
        weak=bool(raw.get("weak", False)),
        need_future=bool(raw.get("need_future", False)),
        not_particle=tuple(raw.get("not_particle", ())),
        source=source,
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped lexicon: the hand-written entries and the kept groups of converted CAMEO entries."""
    return build_lexicon()


def build_lexicon(cameo: Collection[str] | None = None) -> Lexicon:
    """The lexicon with the converted CAMEO entries of the groups ``cameo`` (None: the groups the
    data file keeps). Hand-written entries come first for a lemma, so a converted entry is only
    tried where the hand-written ones do not apply; the converter leaves out lemmas the hand lexicon
    has, so this only matters for phrasal forms."""
    data = _read("triggers.json")
    extra = _read("triggers_cameo.json")
    if cameo is None:
        cameo = [g for g, info in extra.get("groups", {}).items() if info.get("keep")]
    keep = set(cameo)
    irregular: dict[str, list[str]] = dict(data.get("irregular", {}))
    for lemma, forms in extra.get("irregular", {}).items():
        irregular.setdefault(lemma, forms)
    raw_entries: list[tuple[dict[str, Any], str, str]] = [
        (raw, type_name, "hand") for type_name, entries in data["types"].items() for raw in entries]
    raw_entries += [(raw, type_name, f"cameo:{raw.get('cameo', '---')}")
                    for type_name, entries in extra.get("types", {}).items() for raw in entries
                    if raw.get("g", type_name) in keep]
    # CAMEO objects for hand verbs that need a listed object (kept groups only; never replacing one)
    extra_objects: dict[str, dict[str, str]] = {}
    for lemma, objects in extra.get("objects", {}).items():
        for obj, (obj_type, _code) in objects.items():
            if f"{obj_type}/hand-objects" in keep:
                extra_objects.setdefault(lemma, {})[obj] = obj_type
    by_lemma: dict[tuple[str, str], list[Trigger]] = {}
    surface: set[str] = set()
    form_lemmas: dict[str, set[tuple[str, str]]] = {}
    for raw, type_name, source in raw_entries:
        if source == "hand" and raw.get("need_obj") and raw["w"] in extra_objects and raw.get("pos", VERB) == VERB:
            listed = dict(raw.get("obj", {}))
            excluded = set(raw.get("not_obj", ()))
            added = {k: v for k, v in extra_objects[raw["w"]].items() if k not in listed and k not in excluded}
            raw = {**raw, "obj": {**listed, **added}}
        trig = _trigger(raw, type_name, source)
        lemma, pos = trig.lemma, trig.pos
        by_lemma.setdefault((lemma, pos), []).append(trig)
        for form in inflections(lemma, pos, irregular):
            surface.add(form)
            form_lemmas.setdefault(form, set()).add((lemma, pos))
    classes_raw: dict[str, list[str]] = data.get("classes", {})
    light = frozenset(data.get("light", ()))
    requirements: dict[str, set[frozenset[str] | None]] = {}
    for (lemma, pos), entries in by_lemma.items():
        for trig in entries:
            need = _requirement(trig, classes_raw, light, irregular)
            for form in inflections(lemma, pos, irregular):
                requirements.setdefault(form, set()).add(need)
    # phrasal entries first: "call for" is tried before a bare "call" (a stable sort: hand-written
    # entries stay before converted ones)
    for entries in by_lemma.values():
        entries.sort(key=lambda t: t.particle is None)
    classes = {k: frozenset(v) for k, v in data.get("classes", {}).items()}
    return Lexicon(
        version=str(data["version"]),
        by_lemma=by_lemma,
        classes=classes,
        light_verbs=frozenset(data.get("light", ())),
        mode_cues={t: {m: frozenset(ws) for m, ws in cues.items()} for t, cues in data.get("mode_cues", {}).items()},
        context_cues={c: frozenset(ws) for c, ws in data.get("context_cues", {}).items()},
        context_defaults={t: tuple(v) for t, v in data.get("context_defaults", {}).items()},
        surface_forms=frozenset(f.lower() for f in surface),
        protesters=frozenset(data.get("protesters", ())),
        irregular=irregular,
        form_lemmas={f: tuple(sorted(v)) for f, v in form_lemmas.items()},
        form_requirements={f: (None,) if None in v else tuple(v) for f, v in requirements.items()},
    )

