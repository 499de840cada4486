"""Framework extraction: the status of a label (established, existing, intended, ended) from
the change verb that governs it and the cues around that verb."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .frameworks_text import LabelHit, cues


@dataclass(frozen=True)
class Status:
    status: str | None  # None: no observation (negated, the old level "from")
    retrospective: bool = False
    new_claim: bool = False
    nominal: bool = False  # the change is a noun ('the upgrading of ties to ...'), no tensed verb
    old_level: bool = False  # the object of an upgrade ("upgrade their strategic partnership")


# "the upgrading of ties to", "an elevation of relations to", "the upgrade": a change named as a noun
_NOMINAL = re.compile(r"\b(?:the|an?|this|its|their|such)\s+(?:planned\s+|new\s+|latest\s+)?(?:upgrad(?:e|ing)|elevation|"
                      r"establishment)$")
_HELD_UP = re.compile(r"\b(?:on hold|stalled|delayed|postponed|shelved|put off|deferred|held up)\b")
_PARTICIPLE_OF_PREVIOUS = re.compile(r"(?:\s+(?:with|between)\s+[^,;]{1,40}?)?\s*,\s*(?:first\s+|formally\s+|officially\s+)?")


def status_of(low: str, hit: LabelHit, scope_start: int, scope_end: int, sentence_low: str,
              upgrade_target: bool = False, after_label: bool = False) -> Status:
    cs = cues()
    before = low[scope_start:hit.start]
    after = low[hit.end:scope_end]
    if cs.from_before.search(before[-30:]):
        return Status(None, old_level=True)  # "upgraded ... from a comprehensive partnership"
    if cs.beyond_before.search(before[-30:]):
        return Status("existing", old_level=True)  # "lift ties above the strategic partnership", "a step beyond"
    if re.match(r"\s*(?:upgrade|upgrading|elevation)\b", after):
        # "agree on strategic partnership upgrade": the label may be the level upgraded from or
        # the one upgraded to; a headline's shorthand says neither, so it claims no tier
        return Status(None, old_level=True)
    triggers = [(m.start(), m.end(), "ended") for m in cs.ended.finditer(before)]
    triggers += [(m.start(), m.end(), "change") for m in cs.change.finditer(before)]
    if after_label:
        # "a CSP with Vietnam, agreed in December 2022, and a special strategic partnership with
        # Indonesia": a participle right after the previous label is that label's
        triggers = [t for t in triggers
                    if not _PARTICIPLE_OF_PREVIOUS.fullmatch(sentence_low[scope_start:scope_start + t[0]])]
    # "a strategic partnership, established in 2009": a participle just after the label
    tail = (re.match(r"(?:\s+(?:with|between)\s+[a-z' .-]{2,40}?)?\W{0,3}(?:which\s+|that\s+)?(?:was|were|had been|has been|have been)\s*"
                     r"(?:first\s+|formally\s+|officially\s+)?(?:established|set up|signed|forged|launched|agreed|"
                     r"upgraded|elevated|sealed|announced)\b", after)
            or re.match(r"(?:\s+(?:with|between)\s+[a-z' .-]{2,40}?)?\W{0,3}(?:established|set up|signed|forged|launched|agreed|upgraded|elevated|sealed|"
                        r"announced)\s+(?:in|on|at|by|during|last|earlier|this|\d)", after))
    triggers.sort()
    retro = bool(cs.retrospective.search(before) or cs.retrospective.search(after[:40]))
    intent_after = bool(cs.intent_after.search(after))
    if not triggers and not tail:
        window = clause_tail(before[-70:])
        if cs.negation.search(window[-40:]):
            # "would not scale back its partnership": the framework is there; "have not set up a
            # partnership": nothing to report
            return Status("existing" if re.search(r"\b(?:its|their|our)\s+$", before) else None)
        if intent_after or intent_in(window, sentence_low):
            return Status("intended")
        return Status("existing", retrospective=True)
    if triggers:
        t_start, t_end, t_kind = triggers[-1]
        governing = clause_tail(before[max(0, t_start - 45):t_start])
        outcome_window = clause_tail(before[max(0, t_start - 110):t_start])
        between = before[t_end:]
        if (not upgrade_target and t_kind == "change" and cs.upgrade_verb_end.search(before[t_start:t_end])
                and cs.object_gap.match(between)):
            return Status("existing", old_level=True)  # "upgrading their strategic partnership"
        if not upgrade_target and t_kind == "change" and cs.maintain.search(between):
            return Status("existing")  # "agreed to deepen their comprehensive strategic partnership"
    else:
        t_kind, governing, between = "change", clause_tail(before[-45:]), ""
        outcome_window = clause_tail(before[-110:])
    governing = governing.replace("not only", "        ")
    negated = bool(cs.negation.search(governing[-30:]) or cs.negation.search(between))
    verb = before[t_start:t_end] if triggers else ""
    intended = (intent_after or intent_in(governing + verb, sentence_low, outcome_window + verb)
                or cs.intent_between.search(between) is not None)  # "agreed to begin negotiations on a CSP"
    if t_kind == "ended":
        # "threatened to suspend", "would never downgrade": the framework is still there
        return Status("existing" if negated or intended else "ended")
    if negated:
        return Status(None)
    if intended:
        return Status("intended")
    claim = bool(cs.new_claim.search(before)) and hit.kind in ("top", "label", "acronym")
    nominal = bool(triggers) and _NOMINAL.search(before[:t_end]) is not None
    if nominal and _HELD_UP.search(after[:60]):
        return Status("intended")  # "the elevation of ties to a CSP remains on hold"
    return Status("established", retrospective=retro, new_claim=claim, nominal=nominal)


def clause_tail(window: str) -> str:
    """The part of a window after its last clause break (a comma, semicolon, colon)."""
    cut = max(window.rfind(","), window.rfind(";"), window.rfind(":"))
    return window[cut + 1:] if cut >= 0 else window


def intent_in(window: str, sentence_low: str, clause: str | None = None) -> bool:
    """An intention cue governing the verb: 'expected to', 'agreed to work towards', 'will',
    a bare headline 'to upgrade', a purpose 'travel to Cairo to sign'. 'Would' in a joint
    statement's outcome and 'agreed/decided to' (anywhere in the clause: 'agreed at a summit in
    Jakarta in September to establish') are not intentions."""
    cs = cues()
    for m in cs.intent.finditer(window):
        word = m.group(0)
        if word == "would" and cs.would_outcome.search(sentence_low):
            continue
        if word in ("will", "shall") and cs.will_outcome.search(sentence_low):
            continue  # "in their joint declaration, the leaders said they will build a CSP": the outcome
        if word in ("can", "may", "if", "whether") and not re.search(r"\b(?:upgrad|elevat|establish|becom)", window[m.end():]):
            continue
        return True
    # a bare infinitive ("Japan, Vietnam to upgrade ties as leader visits") is a plan unless
    # an outcome word governs it ("agreed to elevate", "decided to upgrade")
    clause = clause if clause is not None and clause.endswith(window[-20:]) else window
    offset = len(clause) - len(window)
    for m in re.finditer(r"\bto\s+(?:further\s+)?(?:be\b|upgrad|elevat|establish|lift|rais|forg|becom|set up|build|sign|seal|"
                         r"ink|adopt|conclude|launch|[a-z]+\s+(?:up\s+)?(?:their\s+|the\s+|its\s+|bilateral\s+)*"
                         r"(?:ties|relations|relationship)\b)", window):
        if not cs.to_outcome_before.search(clause[:offset + m.start()]):
            return True
    return False


# "this year marks the 10th anniversary of the U.S.-Vietnam comprehensive partnership": the label
# is there (its start is seldom the anniversary's year minus the ordinal: anniversaries are late)
_ANNIVERSARY = re.compile(r"\banniversary(?:\s+in\s+[a-z ]{1,20})?\s+of\s+(?:the\s+)?(?:(?:establishment|signing|launch|"
                          r"elevation|upgrading|upgrade|creation|formation)\s+of\s+)?(?:the\s+|their\s+|its\s+|our\s+|a\s+)?"
                          r"(?:[a-z.'-]+\s+){0,3}?[\"']?$")


def is_anniversary(low: str, hit: LabelHit) -> bool:
    return _ANNIVERSARY.search(low[max(0, hit.start - 100):hit.start]) is not None
