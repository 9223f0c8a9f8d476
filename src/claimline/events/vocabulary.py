"""The event vocabulary as string-store ids: comparing `Token.lower`/`.lemma`/`.dep` (ints) skips lookups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.strings import get_string_id

from claimline.lang.events import events_lang


def ids(*words: str) -> frozenset[int]:
    return frozenset(get_string_id(word) for word in words)


@dataclass(frozen=True)
class Vocabulary:
    event_nouns: frozenset[int]
    not_events: frozenset[int]
    reporting: frozenset[int]
    future_modals: frozenset[int]
    possible_modals: frozenset[int]
    future_phrases: frozenset[int]
    intention: frozenset[int]
    purpose_marks: frozenset[int]
    hypothetical_marks: frozenset[int]
    earlier: frozenset[int]
    later: frozenset[int]
    before_signals: frozenset[int]
    after_signals: frozenset[int]
    overlap_signals: frozenset[int]
    cause_nouns: frozenset[int]
    nominalisations: dict[str, frozenset[str]]


@cache
def vocabulary() -> Vocabulary:
    lang = events_lang()
    return Vocabulary(
        event_nouns=ids(*lang.event_nouns),
        not_events=ids(*lang.not_events),
        reporting=ids(*lang.reporting_lemmas),
        future_modals=ids(*lang.future_modals),
        possible_modals=ids(*lang.possible_modals),
        future_phrases=ids(*lang.future_phrases),
        intention=ids(*lang.intention_lemmas),
        purpose_marks=ids(*lang.purpose_marks),
        hypothetical_marks=ids(*lang.hypothetical_marks),
        earlier=ids(*lang.earlier_words),
        later=ids(*lang.later_words),
        before_signals=ids(*lang.before_signals),
        after_signals=ids(*lang.after_signals),
        overlap_signals=ids(*lang.overlap_signals),
        cause_nouns=ids(*lang.cause_nouns),
        nominalisations={noun: frozenset(verbs) for noun, verbs in lang.nominalisations.items()},
    )


# Dependency labels and tags used by several modules.
AUX, AUXPASS, NEG, MARK, XCOMP, CC, CONJ, PREP, ADVMOD, POBJ, POSS, CCOMP, ADVCL, PCOMP, AGENT = (
    get_string_id(label)
    for label in (
        "aux", "auxpass", "neg", "mark", "xcomp", "cc", "conj", "prep", "advmod", "pobj", "poss", "ccomp",
        "advcl", "pcomp", "agent",
    )
)  # fmt: skip
SUBJECT_DEPS = ids("nsubj", "nsubjpass", "csubj")
OBJECT_DEPS = ids("dobj", "attr", "dative", "oprd")
CONTENT_DEPS = ids("ccomp", "parataxis")
VERB_CLAUSE_DEPS = ids(
    "ROOT", "ccomp", "advcl", "conj", "relcl", "parataxis", "xcomp", "pcomp", "acl", "csubj", "csubjpass"
)
TO = get_string_id("to")
