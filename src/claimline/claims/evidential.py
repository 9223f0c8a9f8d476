"""Evidential claims: the writer's evidence or hearsay with nobody named as its source.

"The Trump team appeared paralyzed", "it seems that ...", "the group is reportedly spending ...":
the attribution gold counts these as attributions without a source, the cue the evidential word
(with its auxiliaries and negation, as every verb cue) and the content the clause it qualifies,
from its subject to its end. An evidential verb needs a complement that is a state or an event
("appeared to end", "seemed unperturbed", "it appears that"), so "appeared on television" is not
one; with a cue infinitive ("appeared to suggest") the verb is a raising head of that cue instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from claimline.claims.candidate import Candidate, trim
from claimline.claims.content import clause_span
from claimline.claims.cue import cue_span
from claimline.claims.lexicon import ATTITUDE_ADJECTIVES, EVIDENTIAL_ADVERBS, VERB_FORMS
from claimline.claims.quotes import QuoteIndex
from claimline.claims.speaker import subject_of
from claimline.claims.triggers import Triggers
from claimline.spans import CharSpan

# Complements that make "seem"/"appear" evidential: an infinitive, an adjective or noun predicate,
# a clause ("it seems that", "it seems like").
COMPLEMENT_DEPS = frozenset({"xcomp", "acomp", "oprd", "attr", "ccomp", "advcl"})
EXPLETIVES = frozenset({"it", "there"})
RELATIVES = frozenset({"what", "which", "who", "that"})


def evidential_candidates(doc: Doc, quotes: QuoteIndex, found: Triggers) -> Iterator[Candidate]:
    for i in found.evidential:
        word = doc[i]
        if word.lower_ in EVIDENTIAL_ADVERBS:
            reading = _adverb(word) if word.dep_ == "advmod" else None
        else:
            reading = _verb(word) if word.pos_ in ("VERB", "AUX") else None
        if reading is None or quotes.containing(reading[0].idx, reading[0].idx + 1) is not None:
            continue
        cue, content = reading[1], trim(quotes.text, *reading[2])
        if content[1] - content[0] < 2:
            continue
        yield Candidate(
            cue=cue,
            cue_lemma=word.lemma_.lower(),
            content=content,
            speaker=None,
            kind="indirect",
            anchor=word,
            rule="evidential",
        )


def _clause_from_subject(head: Token) -> CharSpan:
    """The clause of `head` from its subject (a fronted adverbial is not part of it)."""
    subject = subject_of(head)
    start = subject.left_edge.idx if subject is not None and subject.i < head.i else head.idx
    for left in head.lefts:
        if left.dep_ in ("aux", "auxpass", "neg", "advmod") and left.idx < start:
            start = left.idx
    return CharSpan(start, clause_span(head, head.doc)[1])


def _verb(verb: Token) -> tuple[Token, CharSpan, CharSpan] | None:
    complements = [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS]
    if not complements:
        return None
    complement = complements[0]
    if complement.lower_ in VERB_FORMS or complement.lower_ in ATTITUDE_ADJECTIVES:
        return None  # "appeared to suggest", "seemed pleased with": the subject's own cue, raised
    if complement.dep_ == "advcl" and not any(
        c.dep_ == "mark" and c.lower_ in ("like", "as", "if") for c in complement.children
    ):
        return None
    subject = subject_of(verb)
    if (
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)
        or (subject is None or subject.lower_ in RELATIVES)
        or (subject.head is not verb and verb.dep_ in ("ccomp", "xcomp"))
    ):
        return None  # "to appear", "what appeared to be", "made him seem kinder": no clause of its own
    if subject.lower_ in EXPLETIVES and complement.dep_ in ("ccomp", "advcl"):
        content = CharSpan(complement.left_edge.idx, clause_span(complement, verb.doc)[1])
        return verb, cue_span(verb), content
    return verb, cue_span(verb), _clause_from_subject(verb)


def _adverb(adverb: Token) -> tuple[Token, CharSpan, CharSpan] | None:
    head = adverb.head
    if head.pos_ not in ("VERB", "AUX", "ADJ") or head.dep_ in ("amod", "relcl") or head.lower_ in VERB_FORMS:
        # "a seemingly heartfelt defense", "who allegedly assaulted": no clause of its own;
        # "reportedly told": a part of the cue of that claim
        return None
    return adverb, CharSpan(adverb.idx, adverb.idx + len(adverb.text)), _clause_from_subject(head)
