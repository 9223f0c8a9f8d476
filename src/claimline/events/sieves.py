"""Relations between events, as sieves from the most to the least precise (after CAEVO).

Each sieve adds `Relation`s to candidates; `placement.place` then applies them in this order, so where
two relations conflict the one from the earlier sieve wins and the later one is dropped.

1. `coreference`: an event noun and the verb it nominalises in a nearby sentence ("the resumption" and
   "resumed") are one event (SIMULTANEOUS).
2. `signal_clause`: a clause or phrase joined by a signal: "X after Y", "X because Y" (Y first),
   "X before Y", "X until Y" (X first), "X when Y", "as Y" (Y under way first).
3. `cause`: "X was a response to Y", "in retaliation for Y": Y first.
4. `reporting`: what a statement reports against the statement: a past or present event before it,
   a future, intended or possible one after it.
5. `order_words`: "earlier", "previously", "already", "prior": before the governing event or the
   previous sentence's; "later", "then", "subsequently": after the previous sentence's.
6. `past_perfect`: a past perfect before the past event it is told against.
7. `embedded`: an event below a noun or phrase of an earlier event (a relative clause, "for killing")
   before that event.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from spacy.strings import get_string_id
from spacy.tokens import Token

from claimline.events.candidate import Candidate, Relation
from claimline.events.vocabulary import (
    ADVCL,
    ADVMOD,
    CONJ,
    CONTENT_DEPS,
    MARK,
    PCOMP,
    POBJ,
    POSS,
    PREP,
    ids,
    vocabulary,
)

_ORDER_WORD_DEPS = ids("amod", "advmod", "npadvmod")
_CLAUSE_OBJECT_DEPS = ids("pobj", "pcomp")
_ATTR_DEPS = ids("attr", "acomp", "dobj")
_CAUSE_OBJECT_DEPS = ids("pobj", "appos")
MAX_COREFERENCE_TOKENS = 120  # a noun and the verb it names are at most this far apart
_IN = get_string_id("in")
_EMBEDDED_DEPS = ids("relcl", "acl", "pcomp")
_ROOT = get_string_id("ROOT")


class _Index:
    """Candidates by token, and each sentence's main event, for the sieves' look-ups."""

    def __init__(self, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        self.by_token = {c.trigger.i: n for n, c in enumerate(candidates)}
        self.sentence_main: dict[
            int, int
        ] = {}  # sentence number -> its main event (the root's, else the first)
        for n, candidate in enumerate(candidates):
            best = self.sentence_main.get(candidate.sentence)
            if best is None or (candidate.trigger.dep == _ROOT and candidates[best].trigger.dep != _ROOT):
                self.sentence_main[candidate.sentence] = n
        self.sentence_numbers = sorted(self.sentence_main)

    def governor(self, token: Token) -> int | None:
        """The nearest event above `token` in its sentence."""
        for ancestor in token.ancestors:
            if ancestor.i in self.by_token:
                return self.by_token[ancestor.i]
        return None

    def previous_main(self, candidate: Candidate) -> int | None:
        """The main event of the closest sentence before `candidate`'s that has events."""
        at = bisect_left(self.sentence_numbers, candidate.sentence)
        return self.sentence_main[self.sentence_numbers[at - 1]] if at > 0 else None


def _relate(
    candidates: list[Candidate], n: int, kind: str, m: int | None, rule: str, moves: bool = True
) -> None:
    if m is None or m == n:
        return
    candidates[n].relations.append(Relation(kind, m, rule, moves))  # type: ignore[arg-type]


def coreference(index: _Index) -> None:
    candidates = index.candidates
    nominalisations = vocabulary().nominalisations
    verbs = [(n, c) for n, c in enumerate(candidates) if c.kind == "verb" and c.on_main_axis]
    for n, candidate in enumerate(candidates):
        if candidate.kind != "noun":
            continue
        lemmas = nominalisations.get(candidate.trigger.lemma_.lower())
        if not lemmas:
            continue
        near = [  # another sentence: in one sentence, "its proposal ... the efforts proposed by" are two
            (abs(c.sentence - candidate.sentence), m)
            for m, c in verbs
            if c.trigger.lemma_.lower() in lemmas
            and c.sentence != candidate.sentence
            and abs(c.trigger.i - candidate.trigger.i) < MAX_COREFERENCE_TOKENS
        ]
        near = [(d, m) for d, m in near if _same_agent(candidate.trigger, candidates[m].trigger)]
        if near:
            _relate(candidates, n, "SIMULTANEOUS", min(near)[1], "coreference")


def _same_agent(noun: Token, verb: Token) -> bool:
    """A possessor names who did it: "Hamas' refusal" is "Hamas rejected", not "the US proposed"."""
    owners = [c for c in noun.children if c.dep == POSS]
    if not owners:
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    return bool(subjects) and owners[0].lemma == subjects[0].lemma


def _signal_of(token: Token) -> int | None:
    for child in token.children:
        if child.dep in (MARK, ADVMOD) and child.i < token.i:
            return child.lower
    return None


def signal_clause(index: _Index) -> None:
    candidates = index.candidates
    vocab = vocabulary()
    for n, candidate in enumerate(candidates):
        trigger = candidate.trigger
        for child in trigger.children:
            other: int | None = None
            signal: int | None = None
            if child.dep == ADVCL and child.i in index.by_token:
                other, signal = index.by_token[child.i], _signal_of(child)
            elif child.dep == PREP:  # "after the collapse of the talks", "after talks collapsed"
                signal = child.lower
                for grandchild in child.children:
                    if grandchild.dep in (POBJ, PCOMP) and grandchild.i in index.by_token:
                        other = index.by_token[grandchild.i]
            if other is None or signal is None:
                continue
            if signal in vocab.after_signals or signal in vocab.overlap_signals:
                _relate(candidates, other, "BEFORE", n, "signal_clause")
            elif signal in vocab.before_signals:
                _relate(candidates, other, "AFTER", n, "signal_clause")


def cause(index: _Index) -> None:
    """ "X was a response to Y": X is the subject of the copula whose attribute is a cause noun."""
    candidates = index.candidates
    cause_nouns = vocabulary().cause_nouns
    for n, candidate in enumerate(candidates):
        trigger = candidate.trigger
        nouns = [c for c in trigger.children if c.dep == PREP and c.lower == _IN]
        nouns = [g for p in nouns for g in p.children if g.dep == POBJ and g.lemma in cause_nouns]
        for noun in nouns:  # "attacked in retaliation for the raid"
            for target in _cause_targets(noun, index):
                _relate(candidates, n, "AFTER", target, "cause")
        if trigger.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = trigger.head  # "The resumption ... was a response to the refusal"
        for attribute in verb.children:
            if attribute.dep in _ATTR_DEPS and attribute.lemma in cause_nouns:
                for target in _cause_targets(attribute, index):
                    _relate(candidates, n, "AFTER", target, "cause")


def _cause_targets(noun: Token, index: _Index) -> list[int]:
    """The events a cause noun names: "a response to the refusal" (also "to Hamas' refusal", which the
    parser may read as an apposition)."""
    found = []
    for child in noun.children:
        objects = [g for g in child.children if g.dep == POBJ] if child.dep == PREP else [child]
        found += [
            index.by_token[o.i] for o in objects if o.i in index.by_token and o.dep in _CAUSE_OBJECT_DEPS
        ]
    return found


def reporting(index: _Index) -> None:
    candidates = index.candidates
    for n, candidate in enumerate(candidates):
        if not candidate.reporting:
            continue
        for child in candidate.trigger.children:
            if child.dep not in CONTENT_DEPS or child.i not in index.by_token:
                continue
            m = index.by_token[child.i]
            content = candidates[m]
            later = content.modality != "actual" or content.tense in ("future", "infinitive")
            _relate(candidates, m, "AFTER" if later else "BEFORE", n, "reporting")


def order_words(index: _Index) -> None:
    candidates = index.candidates
    vocab = vocabulary()
    for n, candidate in enumerate(candidates):
        trigger = candidate.trigger
        words = [
            c
            for c in trigger.children
            if c.dep in _ORDER_WORD_DEPS and c.lower in vocab.earlier | vocab.later
        ]
        if not words:
            continue
        kind = "BEFORE" if words[0].lower in vocab.earlier else "AFTER"
        objects = [g for p in words[0].children if p.dep == PREP for g in p.children if g.dep == POBJ]
        if objects:  # "earlier in the negotiations": against the negotiations, if they are an event
            reference = index.by_token.get(objects[0].i)
        else:
            reference = index.governor(trigger) if kind == "BEFORE" else None
            if reference is None:
                reference = index.previous_main(candidate)
        _relate(candidates, n, kind, reference, "order_words")


def past_perfect(index: _Index) -> None:
    candidates = index.candidates
    for n, candidate in enumerate(candidates):
        if candidate.tense != "past_perfect" or not candidate.on_main_axis:
            continue
        conjuncts = [
            index.by_token[c.i] for c in candidate.trigger.children if c.dep == CONJ and c.i in index.by_token
        ]
        reference = next((m for m in conjuncts if candidates[m].tense == "past"), None)
        if reference is None:  # "had proposed ..., but Hamas rejected it": the conjunct; else the governor
            reference = index.governor(candidate.trigger)
        if reference is None or candidates[reference].tense not in ("past", "past_perfect"):
            reference = index.previous_main(candidate)
        if reference is not None and candidates[reference].tense == "past":
            _relate(candidates, n, "BEFORE", reference, "past_perfect")


def embedded(index: _Index) -> None:
    """An event embedded below a noun or a phrase of an earlier event ("arrested him for killing two
    guards", "the plan that had failed") started before it: what is told about its participants is
    background."""
    candidates = index.candidates
    for n, candidate in enumerate(candidates):
        trigger = candidate.trigger
        if not candidate.on_main_axis or candidate.tense in ("future", "infinitive"):
            continue
        governor = index.governor(trigger)
        if governor is None or candidates[governor].trigger.i > trigger.i:
            continue
        if trigger.head.i != candidates[governor].trigger.i or trigger.dep in _EMBEDDED_DEPS:
            _relate(candidates, n, "BEFORE", governor, "embedded")


Sieve = Callable[[_Index], None]
SIEVES: list[tuple[str, Sieve]] = [
    ("coreference", coreference),
    ("signal_clause", signal_clause),
    ("cause", cause),
    ("reporting", reporting),
    ("order_words", order_words),
    ("past_perfect", past_perfect),
    ("embedded", embedded),
]
SIEVE_RANK = {name: rank for rank, (name, _) in enumerate(SIEVES)}


def relate(candidates: list[Candidate]) -> None:
    """Run every sieve over the candidates (in text order)."""
    index = _Index(candidates)
    for _, sieve in SIEVES:
        sieve(index)
