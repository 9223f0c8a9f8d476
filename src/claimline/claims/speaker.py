"""Speaker: the local mention of who made a claim, from the subject of its cue."""

from __future__ import annotations

from spacy.tokens import Token

from claimline.claims.candidate import span_chars
from claimline.claims.lexicon import (
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PERSONAL_PRONOUNS,
    QUANTITY_NOUNS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
)
from claimline.spans import CharSpan

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Dependency labels a subject search climbs through: participles, infinitives, coordination.
CLIMB = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp", "acomp"})


def can_speak(token: Token) -> bool:
    """Could this noun be the source of a claim: a name, a pronoun, a person or a body?"""
    if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    lemma = token.lemma_.lower()
    if lemma in PERSON_NOUNS or lemma in ORGANISATION_NOUNS or lemma in SOURCE_NOUNS:
        return True
    if lemma in QUANTITY_NOUNS or token.pos_ == "NUM":
        # "dozens of papers", "a number of tax experts", "42 percent of those responding": the group counted
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return any(o.dep_ == "pobj" and can_speak(o) for o in prep.children)
    return False


def subject_of(verb: Token) -> Token | None:
    """The subject of `verb`, climbing through participles, infinitives and coordination."""
    token = verb
    for _ in range(4):
        subjects = [child for child in token.children if child.dep_ in SUBJECTS]
        if subjects:
            # two subjects: the parser took a word of a quote before the clause for one
            # ("“My reaction ...,” the strategist said"); the speaker is the one nearest the verb
            before = [child for child in subjects if child.i < token.i]
            return before[-1] if before else subjects[0]
        for child in token.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if token.dep_ == "relcl":
            return token.head
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head is not token.head:
            # "responded by saying ...", "after saying ...": the subject of the governing verb
            token = token.head.head
            continue
        if token.dep_ == "xcomp" and token.head is not token:
            # object control: "pressed Stumpf to admit that ...", "urged him to say": the object speaks
            controllers = [c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i]
            if controllers and can_speak(controllers[0]):
                return controllers[0]
        if token.dep_ in CLIMB and token.head is not token:
            if token is verb and token.dep_ == "conj":
                # "..., Bassem Na'im, has stated": a name right before a subject-less conjunct is
                # its subject the parser missed
                named = _name_before(verb)
                if named is not None:
                    return named
            head = token.head
            # "China said it was opposed and warned ...": a reporting verb coordinated into the
            # reported clause shares the reporter's subject
            if (
                (token.dep_ == "conj" or (token.dep_ == "advcl" and token.tag_ == "VBG"))
                and head.dep_ == "ccomp"
                and head.head.lemma_ in SPEECH_VERBS
            ):
                head = head.head
            token = head
            continue
        break
    return _name_before(verb)


def _name_before(verb: Token) -> Token | None:
    """A name or pronoun right before the cue when the parse found no subject ("... Post Trump said")."""
    i = verb.i - 1
    doc = verb.doc
    while i >= 0 and doc[i].dep_ in ("aux", "neg", "advmod") and doc[i].pos_ != "PROPN":
        i -= 1
    if i >= 0 and doc[i].text == ",":  # the comma closing an appositive: "a member, Bassem Na'im, has"
        i -= 1
    if i < 0:
        return None
    if (doc[i].pos_ == "PRON" and doc[i].lower_ in PERSONAL_PRONOUNS) or doc[i].ent_type_ in SPEAKER_ENTS:
        return doc[i]
    return None


SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def speaker_span(subject: Token) -> CharSpan | None:
    """The subject noun phrase without appositives, relative clauses and punctuation; a relative
    pronoun ("who said") is the local mention itself."""
    if subject.lower_ in ("who", "that", "which"):
        return CharSpan(subject.idx, subject.idx + len(subject.text))
    if subject.lower_ == "what":
        return None
    if subject.dep_ not in SUBJECTS and subject.dep_ != "pobj" and subject.ent_type_:
        # a bare name found by position: its whole entity
        first = subject
        while first.ent_iob_ == "I" and first.i > 0:
            first = first.doc[first.i - 1]
        return CharSpan(first.idx, subject.idx + len(subject.text))
    if subject.pos_ in ("NOUN",) and not subject.ent_type_:
        for child in subject.children:
            if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
                subject = child
                break
    excluded: set[int] = set()
    for child in subject.children:
        if child.dep_ in ("appos", "relcl", "acl", "punct", "cc", "conj", "advmod") and child.i > subject.i:
            excluded.update(t.i for t in child.subtree)
    tokens = [t for t in subject.subtree if t.i not in excluded and not t.is_space]
    # keep the contiguous run around the head
    keep = [t for t in tokens if t.i <= subject.i]
    for t in tokens:
        if t.i > subject.i and t.i == keep[-1].i + 1:
            keep.append(t)
    start_tokens = [t for t in keep]
    while start_tokens and start_tokens[-1].is_punct:
        start_tokens.pop()
    while start_tokens and start_tokens[0].is_punct:
        start_tokens.pop(0)
    if not start_tokens:
        return None
    return span_chars(start_tokens)
