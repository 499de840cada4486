"""Country and organisation names for the knowledge base: a code or a name in, a code out.

The gazetteer lives in :mod:`diplograph.actors`; this module only adapts it for queries (codes
typed by hand, 'the US', 'Vietnam's'), so every kb command accepts what a user would type."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from ..errors import UnknownActorError

logger = logging.getLogger(__name__)

# organisations the design names by short code (DESIGN.md, "actors")
ORGANISATION_CODES = frozenset({
    "EU", "ASEAN", "UN", "NATO", "AU", "APEC", "G7", "G20", "QUAD", "SCO", "BRICS", "OPEC", "WTO", "IMF",
    "WBG", "LAS", "GCC",
})
# historical states that are no longer in ISO 3166-1 but are valid actor codes
HISTORICAL_CODES = frozenset({"SUN", "DDR", "YUG", "CSK"})

_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


@lru_cache(maxsize=4096)
def is_known_code(text: str) -> bool:
    """An actor code diplograph knows, exactly as written: an ISO 3166-1 alpha-3 code, a
    historical state or an organisation's short code."""
    if text in ORGANISATION_CODES or text in HISTORICAL_CODES:
        return True
    if len(text) != 3 or not text.isalpha():
        return False
    import pycountry

    return pycountry.countries.get(alpha_3=text) is not None


def resolve_actor(name: str) -> str:
    """The actor code for a code ('VNM', 'vnm', 'EU') or a name ('Vietnam', 'the US', "Japan's").
    Raises :class:`UnknownActorError` with a clear message when nothing matches."""
    text = (name or "").strip()
    if not text:
        raise UnknownActorError("empty country name")
    if is_known_code(text.upper()) and (text.isupper() or len(text) == 3):
        return text.upper()
    candidates = [text]
    stripped = _POSSESSIVE.sub("", text).strip()
    if stripped != text:
        candidates.append(stripped)
    from ..actors.gazetteer import lookup_actor  # the actors package imports spaCy: only when a name is asked

    for candidate in candidates:
        try:
            return lookup_actor(candidate)
        except UnknownActorError:
            continue
    raise UnknownActorError(f"unknown country or organisation: {name!r}",
                            detail="give an ISO 3166-1 alpha-3 code (VNM) or a name (Vietnam)")


@lru_cache(maxsize=4096)
def actor_name(code: str) -> str:
    """A display name for an actor code; the code itself when no name is known."""
    from ..actors.gazetteer import actor_name as gazetteer_name  # spaCy again: see resolve_actor

    try:
        return str(gazetteer_name(code))
    except Exception:  # an unknown code has no name: show the code
        return code
