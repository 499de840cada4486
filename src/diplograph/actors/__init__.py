"""Actors: who acts in a sentence. States (ISO 3166-1 alpha-3 and historical codes),
organisations, titled persons and "the two countries" resolved to the pair in focus."""

from diplograph.actors.focus import MentionContext
from diplograph.actors.gazetteer import Gazetteer, actor_name, is_state, lookup_actor
from diplograph.actors.matcher import ActorMatcher

__all__ = ["ActorMatcher", "Gazetteer", "MentionContext", "actor_name", "is_state", "lookup_actor"]
