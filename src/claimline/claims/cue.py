"""Cue span: the predicate of a claim as one contiguous span, and the readings of a cue verb."""

from __future__ import annotations

from spacy.tokens import Token

from claimline.claims.candidate import token_at_or_after
from claimline.claims.lexicon import (
    ALL_VERBS,
    ASPECT_HEADS,
    CUE_TIME_ADVERBS,
    OCCASION_NOUNS,
    PHRASAL_CUES,
    PREP_VERBS,
    RAISING_HEADS,
    STIMULUS_PREPS,
    UNASSERTED_HEADS,
    VERB_FORMS,
    VERB_PREPS,
)
from claimline.spans import CharSpan

# Left dependents joined to a verb cue when they stand right before it: auxiliaries, negation and
# adverbs ("has stated", "did not deny", "also said"). Negation changes what was claimed, and the
# attribution gold (PolNeAR) marks cues this way; the lemma still names the verb.
CUE_LEFT_DEPS: frozenset[str] = frozenset({"aux", "auxpass", "neg", "advmod"})


def cue_span(verb: Token, prep: Token | None = None, content_start: int | None = None) -> CharSpan:
    """The predicate of a verb cue, as one contiguous span.

    Left: CUE_LEFT_DEPS dependents right before the verb, the copula of an attitude adjective
    ("are afraid") and a raising verb before an infinitive ("appeared to suggest"). Right, in any
    order and never into the content (which starts at `content_start`): a particle ("pointed
    out"); a selected preposition that introduces the content ("complained about [his mic]",
    "called for [...]"); when the statement was made ("said Friday", "said then"); its occasion
    ("said in an interview") when no content follows (before a "that" clause the attribution gold
    leaves it out: "said | in the letter that ..."); and a colon that introduces the content
    ("said: “...”").
    """
    first = left_deps_start(verb)
    if verb.dep_ == "acomp" and verb.pos_ in ("ADJ", "VERB") and verb.head.i < first.i:
        # "are afraid", "weren't too concerned", "are convinced": the copula and what stands before it
        copula = verb.head
        if all(t.is_space or t.head.i in (copula.i, verb.i) for t in verb.doc[copula.i + 1 : first.i]):
            first = left_deps_start(copula)
    doc = verb.doc
    first = raised(verb, first)
    lemma = verb_lemma(verb)
    limit = len(doc) if content_start is None else token_at_or_after(doc, content_start)
    # the verb's right dependents by the token they start at
    starting = {child.left_edge.i: child for child in verb.rights}
    last = verb
    while last.i + 1 < limit:
        nxt = last.i + 1
        child = starting.get(nxt)
        if child is not None and (
            child.dep_ == "prt"
            or _is_cue_preposition(child, lemma, prep, limit)
            or (child.dep_ == "dobj" and child.lower_ == "it" and as_put_it(verb))
        ):
            last = child
        elif child is not None and child.right_edge.i < limit and _is_cue_modifier(child):
            last = child.right_edge
        elif (
            child is not None
            and child.dep_ == "prep"
            and content_start is None
            and (occasion := _occasion(child)) is not None
        ):
            if occasion.i >= limit:
                break
            last = occasion
        elif (
            doc[nxt].text == ":"
            and content_start is not None
            and all(t.is_space for t in doc[nxt + 1 : limit])
        ):
            last = doc[nxt]
        else:
            break
    return CharSpan(first.idx, last.idx + len(last.text))


def left_deps_start(token: Token) -> Token:
    """`token`, or the first of the CUE_LEFT_DEPS dependents (with an adverb's own modifiers: "almost
    immediately") standing right before it; layout whitespace between them is passed over."""
    doc = token.doc
    first = token
    for child in reversed(list(token.lefts)):
        before = first.i - 1
        while before > child.i and doc[before].is_space:
            before -= 1
        if child.i != before or child.dep_ not in CUE_LEFT_DEPS or child.tag_ == "WRB":
            break
        first = child.left_edge if child.dep_ == "advmod" and child.left_edge.tag_ != "WRB" else child
    return first


def raised(verb: Token, first: Token) -> Token:
    """Extend the start of an infinitive cue ("to suggest") over the raising or aspectual predicate
    it depends on ("appeared to suggest", "won't be able to brag"), and of a gerund cue over an
    aspectual verb ("keeps saying", "started off by emphasizing"), when that stands right before it."""
    if verb.tag_ == "VBG" and first.i == verb.i:
        head = verb.head
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.i == verb.i - 1:
            head = head.head  # "started off by emphasizing", "set about persuading"
        elif verb.dep_ != "xcomp":
            return first
        between = verb.doc[head.i + 1 : first.i]
        if (
            head.i < first.i
            and head.lemma_.casefold() in ASPECT_HEADS
            and all(t.head.i in (head.i, verb.i) and t.dep_ in ("prt", "advmod", "prep") for t in between)
        ):
            return left_deps_start(head)
        return first
    if first.lower_ != "to" or verb.dep_ not in ("xcomp", "advcl"):
        return first
    head = verb.head
    if head.i >= first.i or head.lemma_.casefold() not in RAISING_HEADS:
        return first
    if any(
        t.head.i != head.i or t.dep_ not in ("prt", "advmod", "acomp") for t in verb.doc[head.i + 1 : first.i]
    ):
        return first
    first = left_deps_start(head)
    if head.dep_ in ("acomp", "xcomp") and head.head.i == first.i - 1:
        # "was able to", "appears set to": the copula or raising verb before it
        first = left_deps_start(head.head)
    return first


def unasserted_infinitive(verb: Token) -> bool:
    """ "failed to note that", "need to find": an infinitive cue under a head that denies or only
    requires the act, so nobody made the claim."""
    return (
        verb.dep_ in ("xcomp", "advcl", "acl", "relcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)
        and verb.head.lemma_.casefold() in UNASSERTED_HEADS
    )


def _is_cue_preposition(token: Token, lemma: str, prep: Token | None, limit: int) -> bool:
    """A preposition that belongs to the cue: a phrasal one ("called for"), or one the verb selects
    whose object is the content ("complained about [his mic]")."""
    if token.dep_ != "prep":
        return False
    if (lemma, token.lower_) in STIMULUS_PREPS:
        return False
    if (lemma, token.lower_) in PHRASAL_CUES or (prep is not None and prep.i == token.i):
        return True
    return token.lower_ in VERB_PREPS.get(lemma, ()) and token.right_edge.i >= limit


def _occasion(prep: Token) -> Token | None:
    """The noun of "in an interview", "at a briefing": the end of the occasion phrase (its own
    modifiers after the noun, "with The Huffington Post", "in Honolulu", are left out)."""
    for child in prep.children:
        if child.dep_ == "pobj" and child.lemma_.casefold() in OCCASION_NOUNS:
            return child
    return None


def _is_cue_modifier(token: Token) -> bool:
    """When or how a statement was made, right after its verb: "Friday", "this week", "then",
    "sarcastically", "more frequently"."""
    if token.dep_ in ("npadvmod", "tmod") and token.ent_type_ in ("DATE", "TIME"):
        return all(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)
    if token.dep_ != "advmod" or token.tag_ == "WRB":
        return False
    return token.lower_ in CUE_TIME_ADVERBS or (token.lower_.endswith("ly") and token.tag_ in ("RB", "RBR"))


def as_put_it(verb: Token) -> bool:
    """ "as a Homeland Security memo put it", "as Ms. Simonyan put it in a statement": a reporting
    clause whose "it" is what the other clause says."""
    return (
        verb.lemma_ == "put"
        and any(c.dep_ == "dobj" and c.lower_ == "it" and c.i == verb.i + 1 for c in verb.children)
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


def is_passive(verb: Token) -> bool:
    return any(child.dep_ == "auxpass" for child in verb.children)


def verb_lemma(verb: Token) -> str:
    lemma = verb.lemma_.casefold()
    if lemma in ALL_VERBS or lemma in PREP_VERBS:
        return lemma
    return VERB_FORMS.get(verb.lower_, lemma)
