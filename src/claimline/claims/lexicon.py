"""The vocabulary of the claims stage, as sets built once from the language-data layer.

The words are knowledge and live in `lang/en/attribution.toml` (cue verbs by class with their
irregular forms, noun cues, prepositions, ...) and `lang/en/people.toml` (person, organisation and
source nouns, pronouns); this module only derives what the rules look up: the verbs of each class,
every inflected form of a cue verb, the prepositions each verb selects.
"""

from __future__ import annotations

from claimline.lang.attribution import CUE_CLASSES, Attribution, attribution
from claimline.lang.people import people

_DATA = attribution()
_PEOPLE = people()


def inflections(lemma: str, irregular: tuple[str, ...] | list[str] = ()) -> set[str]:
    """Regular English verb forms of `lemma` and its `irregular` ones (over-generation is harmless:
    they only widen a lookup)."""
    forms = {lemma, *irregular}
    if lemma.endswith("e"):
        stem = lemma[:-1]
        forms |= {lemma + "s", lemma + "d", stem + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        suffix_s = "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"
        forms |= {lemma + suffix_s, lemma + "ed", lemma + "ing"}
        if (
            len(lemma) > 2
            and lemma[-1] not in "aeiouwxy"
            and lemma[-2] in "aeiou"
            and lemma[-3] not in "aeiou"
        ):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def plural(noun: str) -> str:
    """The regular plural of a noun cue ("claim" -> "claims", "worry" -> "worries")."""
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    return noun + "s"


def cue_lemmas(data: Attribution) -> frozenset[str]:
    """The verbs and adjectives that are triggers: a cue class or a selected preposition."""
    verbs = {
        lemma for lemma, verb in data.verbs.items() if CUE_CLASSES & set(verb.classes) or verb.prepositions
    }
    return frozenset(verbs) | frozenset(data.attitude_adjectives)


def verb_forms(data: Attribution) -> dict[str, str]:
    """Surface form -> lemma for every trigger (the statistical lemmatizer misses some: "hoping" ->
    "hop"); built in lemma order, so a form two lemmas share goes to the later one."""
    return {
        form: lemma
        for lemma in sorted(cue_lemmas(data))
        for form in inflections(lemma, data.verbs[lemma].forms if lemma in data.verbs else ())
    }


# Verb classes (see the header of attribution.toml)
SPEECH_VERBS = _DATA.verbs_of("speech")
QUOTE_ONLY_VERBS = _DATA.verbs_of("quote_only")
ACT_OBJECT_VERBS = _DATA.verbs_of("act_object")
ATTITUDE_ADJECTIVES = frozenset(_DATA.attitude_adjectives)
BELIEF_VERBS = _DATA.verbs_of("belief") | ATTITUDE_ADJECTIVES
EVALUATIVE_VERBS = _DATA.verbs_of("evaluative")
STANCE_VERBS = _DATA.verbs_of("stance")
EVIDENCE_VERBS = _DATA.verbs_of("evidence")
LIGHT_VERBS = _DATA.verbs_of("light")
NOUN_CUE_CARRIERS = _DATA.verbs_of("carrier")
ALL_VERBS = SPEECH_VERBS | BELIEF_VERBS | STANCE_VERBS | EVIDENCE_VERBS
STANCE_ONLY = STANCE_VERBS - SPEECH_VERBS - BELIEF_VERBS
EVIDENCE_ONLY_VERBS = EVIDENCE_VERBS - (SPEECH_VERBS | BELIEF_VERBS | STANCE_VERBS)
BELIEF_OR_EVALUATIVE_VERBS = BELIEF_VERBS | EVALUATIVE_VERBS

# A preposition a verb or attitude adjective selects for its content: "called for X", "worried about X".
VERB_PREPS: dict[str, frozenset[str]] = {
    **{lemma: frozenset(verb.prepositions) for lemma, verb in _DATA.verbs.items() if verb.prepositions},
    **{adjective: frozenset(preps) for adjective, preps in _DATA.attitude_adjectives.items() if preps},
}
PREP_VERBS = frozenset(VERB_PREPS)
# Verb + preposition that form one predicate and so one cue ("called for").
PHRASAL_CUES = frozenset((lemma, p) for lemma, verb in _DATA.verbs.items() for p in verb.phrasal)
# Verb + preposition whose object prompted the statement ("did not respond to [requests]").
STIMULUS_PREPS = frozenset((lemma, p) for lemma, verb in _DATA.verbs.items() for p in verb.stimulus)

VERB_FORMS = verb_forms(_DATA)
LIGHT_VERB_FORMS = frozenset(
    form for lemma in LIGHT_VERBS for form in inflections(lemma, _DATA.verbs[lemma].forms)
)

NOUN_CUES = frozenset(_DATA.nouns.cues)
ATTITUDE_NOUNS = NOUN_CUES | frozenset(_DATA.nouns.attitude)
ATTITUDE_NOUN_PREPS = frozenset(
    (noun, p) for noun, preps in _DATA.nouns.attitude_prepositions.items() for p in preps
)
ATTITUDE_OBJECT_PREPS = frozenset(_DATA.prepositions.attitude_object)
OCCASION_NOUNS = frozenset(_DATA.nouns.occasion)
QUANTITY_NOUNS = frozenset(_DATA.nouns.quantity)
IN_SOURCE_NOUNS = frozenset(_DATA.nouns.in_source)
IN_VIEW_NOUNS = frozenset(_DATA.nouns.in_view)
RAISING_HEADS = frozenset(_DATA.heads.raising)
UNASSERTED_HEADS = frozenset(_DATA.heads.unasserted)
ASPECT_HEADS = frozenset(_DATA.heads.aspect)
ARG_PREPS = frozenset(_DATA.prepositions.argument)
ADDRESSEE_PREPS = frozenset(_DATA.prepositions.addressee)
EVIDENTIAL_VERB_FORMS = frozenset(
    form for lemma in _DATA.words.evidential_verbs for form in inflections(lemma)
)
EVIDENTIAL_ADVERBS = frozenset(_DATA.words.evidential_adverbs)
ACCORDING_PHRASES = tuple(tuple(phrase.split()) for phrase in _DATA.words.according_phrases)
CUE_TIME_ADVERBS = frozenset(_DATA.words.cue_time_adverbs)
COMPLEMENTIZERS = frozenset(_DATA.words.complementizers)
WH_COMPLEMENTIZERS = frozenset(_DATA.words.wh_complementizers)
HEADLINE_NOT_SPEAKERS = frozenset(_DATA.words.headline_not_speakers)

# Who can speak (people.toml)
PERSON_NOUNS = frozenset(_PEOPLE.nouns.person)
ORGANISATION_NOUNS = frozenset(_PEOPLE.nouns.organisation)
SOURCE_NOUNS = frozenset(_PEOPLE.nouns.source)
PERSONAL_PRONOUNS = frozenset(_PEOPLE.pronouns.subject)
