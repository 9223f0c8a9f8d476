"""Event vocabulary (`lang/en/events.toml`): what makes a clause an event, how sure it is, what orders it."""

from __future__ import annotations

from functools import cache

from claimline.lang import LangModel, load


class EventsLang(LangModel):
    event_nouns: list[str]
    event_noun_suffixes: list[str]
    not_events: list[str]
    reporting_lemmas: list[str]
    future_modals: list[str]
    possible_modals: list[str]
    future_phrases: list[str]
    intention_lemmas: list[str]
    purpose_marks: list[str]
    hypothetical_marks: list[str]
    earlier_words: list[str]
    later_words: list[str]
    before_signals: list[str]
    after_signals: list[str]
    overlap_signals: list[str]
    cause_nouns: list[str]
    summary_bad_starts: list[str]
    summary_bad_ends: list[str]
    nominalisations: dict[str, list[str]]


@cache
def events_lang() -> EventsLang:
    """The event vocabulary, read and checked once per process."""
    return load("events", EventsLang)
