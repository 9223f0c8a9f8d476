"""Candidates: which tokens are event triggers, as an ordered list of named rules.

A token is tried against `TRIGGER_RULES` in order; the first rule that decides (True: an event,
False: not one) wins, and a token no rule decides is not an event.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.strings import get_string_id
from spacy.symbols import AUX as AUX_POS
from spacy.symbols import NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from claimline.events.candidate import Candidate
from claimline.events.vocabulary import POSS, PREP, VERB_CLAUSE_DEPS, XCOMP, ids, vocabulary
from claimline.lang.events import events_lang
from claimline.models import TimeExpression
from claimline.sentences import SentenceIndex, doc_text

Rule = Callable[[Token, frozenset[int]], "bool | None"]  # (token, nouns with a date of their own)

_CANDIDATE_POS = frozenset({NOUN, VERB, PROPN, AUX_POS})
_GOING = get_string_id("going")
_ADJECTIVAL_DEPS = ids("amod", "compound", "prep", "nmod", "npadvmod", "advmod", "det", "nummod")
_NOUN_ARGUMENT_PREPS = ids("of", "by", "against", "on", "to", "from", "with", "between", "in", "for")
_NOUN_ORDER_WORDS_DEPS = ids("amod", "advmod")


def not_an_event_verb(token: Token, _: frozenset[int]) -> bool | None:
    """Copulas, possession and relations between things ("is", "has", "includes") are states."""
    if token.pos in (VERB, AUX_POS) and token.lemma in vocabulary().not_events:
        return False
    return None


def future_auxiliary(token: Token, _: frozenset[int]) -> bool | None:
    """'is going to raise': "going" only makes the next verb a future."""
    if token.pos == VERB and token.lower == _GOING and any(c.dep == XCOMP for c in token.children):
        return False
    return None


def adjectival_participle(token: Token, _: frozenset[int]) -> bool | None:
    """'the proposed deal', 'a Gaza-based group': a participle used as an adjective."""
    if token.pos == VERB and token.dep in _ADJECTIVAL_DEPS:
        return False
    return None


def clause_verb(token: Token, _: frozenset[int]) -> bool | None:
    """A verb heading a clause: main, complement, adverbial, relative, coordinated or participial."""
    if token.pos == VERB and token.dep in VERB_CLAUSE_DEPS:
        return True
    return None


def dated_noun(token: Token, dated: frozenset[int]) -> bool | None:
    """A noun naming a happening with a date of its own: "the Aug. 2 power grab", "a mission in December"."""
    if token.pos == NOUN and token.i in dated:
        return True  # `dated_nouns` keeps only event-like ones
    return None


def event_noun(token: Token, _: frozenset[int]) -> bool | None:
    """An event noun with what makes it a particular happening: an argument, a possessor, an order word.

    ("the resumption of hostilities", "Hamas' refusal", "the earlier refusal"; not "a deal" alone.)
    """
    if token.pos not in (NOUN, PROPN) or token.lemma not in vocabulary().event_nouns:
        return None
    if token.dep_ == "compound":
        return False
    if token.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "attr" and c.lemma in vocabulary().cause_nouns for c in token.head.children
    ):
        return True  # "the strike was a response to ...": an event the text orders
    order_words = vocabulary().earlier | vocabulary().later
    for child in token.children:
        if child.dep == POSS:
            return True
        if child.dep == PREP and child.lower in _NOUN_ARGUMENT_PREPS:
            return True
        if child.dep in _NOUN_ORDER_WORDS_DEPS and child.lower in order_words:
            return True
        if child.dep_ in ("acl", "relcl"):
            return True
    return False


TRIGGER_RULES: list[tuple[str, Rule]] = [
    ("not_an_event_verb", not_an_event_verb),
    ("future_auxiliary", future_auxiliary),
    ("adjectival_participle", adjectival_participle),
    ("clause_verb", clause_verb),
    ("dated_noun", dated_noun),
    ("event_noun", event_noun),
]


def is_trigger(token: Token, dated: frozenset[int] = frozenset()) -> bool:
    for _, rule in TRIGGER_RULES:
        decided = rule(token, dated)
        if decided is not None:
            return decided
    return False


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(events_lang().event_noun_suffixes)


MAX_CLIMB = 3  # a time in "the talks in Geneva in May" reaches "talks" in three steps


def dated_nouns(doc: Doc, times: list[TimeExpression]) -> frozenset[int]:
    """Token indices of nouns with a time expression of their own ("Friday's attack", "talks in May")."""
    found = set()
    for time in times:
        if time.type not in ("DATE", "TIME"):
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None:
            continue
        token = span.root  # up to the first verb (it owns the time) or event-like noun (it is dated)
        for _ in range(MAX_CLIMB):
            if token.head.i == token.i or token.head.pos in (VERB, AUX_POS):
                break
            token = token.head
            if token.pos == NOUN and _event_like(token):
                found.add(token.i)
                break
    return frozenset(found)


def _event_like(token: Token) -> bool:
    return token.lemma in vocabulary().event_nouns or token.lemma_.lower().endswith(_suffixes())


def find_candidates(doc: Doc, sentences: SentenceIndex, times: list[TimeExpression]) -> list[Candidate]:
    """Event candidates of the body (not the headline), in text order."""
    dated = dated_nouns(doc, times)
    body_start = sentences.sentences[0].start if len(sentences) else len(doc_text(doc))
    number = {sentence.id: n for n, sentence in enumerate(sentences.sentences)}
    found: list[Candidate] = []
    for token in doc:
        if token.pos not in _CANDIDATE_POS or token.idx < body_start:
            continue  # the integer tests are cheap; most tokens stop here
        if not is_trigger(token, dated):
            continue
        sentence = sentences.id_at(token.idx)
        if sentence is not None:
            candidate = Candidate(trigger=token, narrative=len(found), sentence=number[sentence])
            candidate.kind = "verb" if token.pos in (VERB, AUX_POS) else "noun"
            found.append(candidate)
    return found
