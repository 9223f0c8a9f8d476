"""Speaker resolution: a local mention ("Na'im", "he", "the group", "the official") -> an actor id.

A pure function of the parsed document, the character span of the mention and the actor index, so
that other stages (events) can reuse it:

* a mention overlapping a named actor mention resolves to that actor (the one under the mention's
  syntactic head when several overlap: "White House spokesman Josh Earnest" -> Josh Earnest);
* a personal pronoun resolves to the most recent compatible actor before it: "he"/"she"/"him"/"her"
  -> a person; "it"/"its" -> an organisation or group (a place when nothing else is compatible);
  "they"/"them"/"their" -> an organisation or group (collective nouns are plural in news English);
* a nominal ("the group", "the movement", "the ministry") -> the most recent organisation or group;
  a person noun ("the official", "the spokesman", "the former president") -> the most recent person
  whose descriptions, title or name contain that noun;
* otherwise ``None``: nothing compatible is never replaced by a guess.

"Most recent" means the actor mention ending nearest before the speaker mention; when the speaker
mention opens a sentence, mentions in the same sentence after it cannot be antecedents anyway.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimline.actors import ActorIndex, normalise_name
from claimline.lang.people import people
from claimline.models import Actor

_PEOPLE = people()
PERSON_PRONOUNS = frozenset(_PEOPLE.pronouns.person)
SINGULAR_NONPERSON_PRONOUNS = frozenset(_PEOPLE.pronouns.nonperson)
PLURAL_PRONOUNS = frozenset(_PEOPLE.pronouns.plural)
RELATIVE_PRONOUNS = frozenset(_PEOPLE.pronouns.relative)
FIRST_PERSON = frozenset(_PEOPLE.pronouns.first_person)
# Nouns naming a person ("the official") or a collective actor ("the group", "the ministry").
PERSON_NOUNS = frozenset(_PEOPLE.nouns.person)
ORGANISATION_NOUNS = frozenset(_PEOPLE.nouns.organisation)
GROUP_KINDS = ("organization", "group")

_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")

# How far back (characters) a pronoun or nominal looks for its antecedent.
WINDOW = 1500


def _head(doc: Doc, start: int, end: int) -> Token | None:
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _named(doc: Doc, start: int, end: int, actors: ActorIndex, head: Token | None) -> str | None:
    """The actor named by the mention: a name under its head ("White House spokesman Josh Earnest"),
    or a name compounded into an organisation noun ("the Hamas movement"); not a name that merely
    occurs inside it ("a member of Hamas" is not Hamas)."""
    inside = actors.mentions_overlapping(start, end)
    if not inside:
        return None
    if head is None:
        return inside[0][2] if len(inside) == 1 else None
    for s, e, actor in inside:
        if s <= head.idx < e:
            return actor
    if head.lemma_.casefold() in ORGANISATION_NOUNS:
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod"):
                for s, e, actor in inside:
                    if s <= child.idx < e:
                        return actor
    return None


def _person_words(actor: Actor, doc: Doc) -> set[str]:
    """Nouns that describe a person actor: appositive descriptions and titles before its mentions."""
    words: set[str] = set()
    for description in actor.descriptions:
        words.update(w.casefold() for w in _WORD.findall(description))
    for mention in actor.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            words.update(t.lower_ for t in doc[max(0, span.start - 4) : span.start])
    return words


def _recent(actors: ActorIndex, char: int) -> list[Actor]:
    """Actors by their most recent mention before `char`, nearest first (within WINDOW)."""
    seen: dict[str, None] = {}
    for start, _end, actor_id in actors.recent_mentions(char):
        if char - start > WINDOW:
            break
        seen.setdefault(actor_id, None)
    return [actors.get(a) for a in seen]


def resolve_speaker(doc: Doc, start: int, end: int, actors: ActorIndex) -> str | None:
    """The actor id the mention `doc.text[start:end]` refers to, or None when nothing compatible."""
    if start >= end:
        return None
    head = _head(doc, start, end)
    named = _named(doc, start, end, actors, head)
    if named is not None:
        return named
    if head is None:
        return None
    word = head.lower_
    if word in RELATIVE_PRONOUNS and head.head.dep_ in ("relcl", "acl") and head.head.head is not head.head:
        # "Smith, who said ...": the noun the relative clause modifies
        antecedent = head.head.head
        left, right = antecedent.left_edge, antecedent
        for child in antecedent.children:
            if child.dep_ == "compound" and child.i < antecedent.i:
                left = min(left, child.left_edge, key=lambda t: t.i)
        return _named(doc, left.idx, right.idx + len(right.text), actors, antecedent) or (
            resolve_speaker(doc, antecedent.idx, antecedent.idx + len(antecedent.text), actors)
            if antecedent.lower_ not in RELATIVE_PRONOUNS
            else None
        )
    if word in FIRST_PERSON:
        return None
    candidates = _recent(actors, start)
    if word in PERSON_PRONOUNS:
        return _first(candidates, ("person",))
    if word in SINGULAR_NONPERSON_PRONOUNS:
        return _first(candidates, GROUP_KINDS) or _first(candidates, ("place",))
    if word in PLURAL_PRONOUNS:
        found = _first(candidates, GROUP_KINDS)
        if found is not None and _plural_subject_between(doc, actors, found, head):
            return None  # "Hamas ... Several officials met. They said": the officials, not Hamas
        return found
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = head.lemma_.casefold()
    if lemma in ORGANISATION_NOUNS or word in ORGANISATION_NOUNS:
        qualifiers = _qualifiers(head)
        if not qualifiers:
            return _first(candidates, GROUP_KINDS)
        # "the interior ministry", "the operators' association": a body of its own, unless its
        # words are the actor's name ("the Hamas movement" is handled by `_named`)
        for actor in candidates:
            if actor.kind in GROUP_KINDS and qualifiers <= set(normalise_name(actor.name).split()):
                return actor.id
        return None
    if lemma in PERSON_NOUNS or word in PERSON_NOUNS:
        for actor in candidates:
            if actor.kind == "person" and {lemma, word} & _person_words(actor, doc):
                return actor.id
        return None
    # a nominal repeating (part of) a description: "the mediator" for "Qatar, the main mediator"
    for actor in candidates:
        if any(lemma in {normalise_name(w) for w in _WORD.findall(d)} for d in actor.descriptions):
            return actor.id
    return None


def _qualifiers(head: Token) -> set[str]:
    """Content words that say which body a nominal is ("interior", "operators"); not "the", "its"."""
    words: set[str] = set()
    for child in head.children:
        modifier = child.dep_ in ("compound", "amod", "nmod", "poss") and child.pos_ != "PRON"
        complement = child.dep_ == "prep" and child.i > head.i and child.lower_ in ("of", "in", "for", "at")
        if modifier or complement:
            words.update(normalise_name(t.text) for t in child.subtree if t.is_alpha and t.pos_ != "DET")
    return words - {"same", "former", "latter", "whole", "entire", "of", "in", "for", "at"}


def _plural_subject_between(doc: Doc, actors: ActorIndex, actor_id: str, pronoun: Token) -> bool:
    """Is there a plural common-noun subject between the actor's last mention and the pronoun?"""
    last = max((m.end for m in actors.get(actor_id).mentions if m.end <= pronoun.idx), default=None)
    if last is None:
        return False
    span = doc.char_span(last, pronoun.idx, alignment_mode="contract")
    if span is None:
        return False
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNS" and not t.ent_type_ for t in span)


def _first(candidates: list[Actor], kinds: tuple[str, ...]) -> str | None:
    for actor in candidates:
        if actor.kind in kinds:
            return actor.id
    return None


def resolve_by_name(text: str, actors: ActorIndex) -> str | None:
    """The actor a name outside the body refers to (a headline's "Trump" for the body's "Donald
    Trump"): the one whose name or alias is `text`, else the one person whose surname it is; None
    when no actor or several match."""
    key = normalise_name(text)
    if not key:
        return None
    named = [
        a.id for a in actors.actors if key == normalise_name(a.name) or key in map(normalise_name, a.aliases)
    ]
    if len(named) == 1:
        return named[0]
    if named or " " in key:
        return None
    surnamed = [
        a.id for a in actors.actors if a.kind == "person" and normalise_name(a.name).split()[-1:] == [key]
    ]
    return surnamed[0] if len(surnamed) == 1 else None
