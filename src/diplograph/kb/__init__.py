"""The knowledge base: observations become facts, facts answer questions (as-of states,
partners, timelines, changes, claim checks) and feed the exports."""

from __future__ import annotations

from .asof import PairState, pair_state
from .consolidate import Fact, consolidate
from .queries import build_facts, partners, state_of_pair
from .reference import load_reference

__all__ = ["Fact", "PairState", "build_facts", "consolidate", "load_reference", "pair_state", "partners",
           "state_of_pair"]
