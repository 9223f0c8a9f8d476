"""Anchoring: each event to the time expression that governs it, by an ordered list of named rules.

1. `own_clause`: a time expression in the event's own clause (its subtree without the clauses of
   other events), including a prepositional phrase ("struck on the night of 18 March"). A statement
   is never dated by a time inside what it reports ("warned that 2025 would be hard").
2. `governing_clause`: an event without one takes the time of a "when"/"as"/"while" clause it
   governs or is governed by, or of the event it is coordinated with ("resumed ... and struck").
3. `modified_noun`: a relative clause takes the time of the noun it modifies ("the 1996 bombing
   that killed one person").
4. `news_day`: a statement without a time of its own was made on the day of the last dated one.
5. `paragraph_scope`: a time adverbial opening a sentence ("In late March, ...") scopes the rest of
   the sentence and the following sentences of its paragraph in the past tense, until one has a time
   of its own.
6. `nearby_time` (weak: shown, not used to place the event): a past event takes the time of its
   sentence or of one of the two before it in its paragraph.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

import numpy
from spacy.attrs import HEAD, IDX
from spacy.tokens import Doc, Token

from claimline.events.candidate import Candidate
from claimline.events.vocabulary import ADVCL, ADVMOD, CONJ, CONTENT_DEPS, MARK, SUBJECT_DEPS, vocabulary
from claimline.models import TimeExpression
from claimline.sentences import SentenceIndex

ANCHOR_TYPES = frozenset({"DATE", "TIME", "DURATION"})  # "fell over the last two weeks"
_DATED_TYPES = frozenset({"DATE", "TIME"})
CARRY_SENTENCES = 2  # how far back a weak anchor looks, within the paragraph
_CARRY_TENSES = frozenset({"past", "participle", "none"})
_SCOPE_TENSES = frozenset({"past", "past_perfect", "participle", "none"})


def own_clause(
    doc: Doc, candidates: list[Candidate], times: list[TimeExpression], sentences: SentenceIndex
) -> None:
    """The first DATE/TIME starting in each event's clause.

    A token is in the clause of its nearest ancestor-or-self that is an event, so walking up from
    the few tokens that start an expression finds the same as walking down every clause.
    """
    by_token = {c.trigger.i: c for c in candidates}
    offsets = doc.to_array(HEAD).view(numpy.int64)  # head index minus token index
    starts = doc.to_array(IDX).tolist()
    first: dict[int, tuple[int, TimeExpression]] = {}
    for time in times:
        if time.type not in ANCHOR_TYPES:
            continue
        token = bisect_left(starts, time.start)
        if token == len(starts) or starts[token] != time.start:
            continue  # not at a token start: no clause token starts there
        node, child = token, token
        while node not in by_token:
            parent = node + int(offsets[node])
            if parent == node:
                break  # the root: no event above
            node, child = parent, node
        else:
            head = by_token[node]
            if head.reporting and child != node and doc[child].dep in CONTENT_DEPS:
                continue  # a time inside what a statement reports dates the content, not the saying
            if node not in first or token < first[node][0]:
                first[node] = (token, time)
    for node, (_, time) in first.items():
        by_token[node].time = time
        by_token[node].anchor_rule = "own_clause"


def governing_clause(
    doc: Doc, candidates: list[Candidate], _: list[TimeExpression], __: SentenceIndex
) -> None:
    """ "shattered on 18 March when Israel resumed ...": the when-clause shares the main clause's time."""
    by_token = {c.trigger.i: c for c in candidates}
    overlap = vocabulary().overlap_signals
    for candidate in candidates:
        if candidate.time is not None:
            continue
        trigger = candidate.trigger
        head = by_token.get(trigger.head.i) if trigger.head.i != trigger.i else None
        marks = {c.lower for c in trigger.children if c.dep in (MARK, ADVMOD)}
        if head is not None and head.time is not None:
            coordinated = trigger.dep == CONJ and not any(c.dep in SUBJECT_DEPS for c in trigger.children)
            if coordinated or (trigger.dep == ADVCL and marks & overlap):
                candidate.time, candidate.anchor_rule = head.time, "governing_clause"
                continue
        for child in trigger.children:
            other = by_token.get(child.i)
            if other is None or other.time is None or child.dep != ADVCL:
                continue
            if {c.lower for c in child.children if c.dep in (MARK, ADVMOD)} & overlap:
                candidate.time, candidate.anchor_rule = other.time, "governing_clause"
                break


def paragraph_scope(
    doc: Doc, candidates: list[Candidate], times: list[TimeExpression], sentences: SentenceIndex
) -> None:
    """A sentence-initial time adverbial scopes its sentence and the past-tense sentences after it."""
    openers: dict[str, TimeExpression] = {}
    for time in times:
        sentence = sentences.at(time.start)
        if sentence is None or time.type not in _DATED_TYPES or time.earliest is None:
            continue
        before = doc.char_span(sentence.start, time.start, alignment_mode="expand")
        if before is not None and len([t for t in before if not t.is_punct]) <= 1:
            openers.setdefault(sentence.id, time)
    timed = {time.sentence for time in times if time.type in _DATED_TYPES}
    reporting = {c.trigger.i for c in candidates if c.reporting}
    scope: TimeExpression | None = None
    paragraph: int | None = None
    current: str | None = None
    for candidate in candidates:
        sentence = sentences.at(candidate.trigger.idx)
        if sentence is None:
            continue
        if sentence.id != current:
            current = sentence.id
            if sentence.paragraph != paragraph:
                scope, paragraph = None, sentence.paragraph
            if sentence.id in openers:
                scope = openers[sentence.id]
            elif sentence.id in timed:
                scope = None  # a sentence with a time of its own ends the scope
        if scope is None:
            continue
        if candidate.tense == "past_perfect" or _reported(candidate.trigger, reporting):
            continue  # before the scoped time, or dated by what reports it
        if candidate.tense not in _SCOPE_TENSES or candidate.reporting:
            if sentence.id not in openers:
                scope = None  # a shift to the present or a statement ends it
            continue
        if candidate.time is None:
            candidate.time, candidate.anchor_rule = scope, "paragraph_scope"


def modified_noun(doc: Doc, candidates: list[Candidate], _: list[TimeExpression], __: SentenceIndex) -> None:
    """ "the 1996 bombing that killed one person": a relative clause takes the time of its noun."""
    by_token = {c.trigger.i: c for c in candidates}
    for candidate in candidates:
        trigger = candidate.trigger
        if candidate.time is not None or trigger.dep_ not in ("relcl", "acl"):
            continue
        noun = by_token.get(trigger.head.i)
        if noun is not None and noun.time is not None and noun.kind == "noun":
            candidate.time, candidate.anchor_rule = noun.time, "modified_noun"


def news_day(doc: Doc, candidates: list[Candidate], _: list[TimeExpression], __: SentenceIndex) -> None:
    """A statement without a time of its own was made on the day of the last dated one ("said Friday")."""
    day: TimeExpression | None = None
    for candidate in candidates:
        if not candidate.reporting:
            continue
        if candidate.time is not None and candidate.time.type in _DATED_TYPES:
            day = candidate.time
        elif candidate.time is None and day is not None and candidate.tense in ("past", "present_perfect"):
            if day.earliest is None or day.earliest != day.latest:
                continue  # a news day is one day ("Friday"), not a period
            candidate.time, candidate.anchor_rule = day, "news_day"


def nearby_time(
    doc: Doc, candidates: list[Candidate], times: list[TimeExpression], sentences: SentenceIndex
) -> None:
    """A past event without a time takes the last time of its sentence, else of one of the two sentences
    before it in its paragraph ("Net income rose in the third quarter. Revenue fell 3%."), unless what
    governs it says otherwise (a past perfect, a present or a future, a statement's content). A weak
    anchor: it is shown as the event's time, but the event is placed by its tense, not by that date."""
    last_time: dict[int, TimeExpression] = {}  # sentence number -> its last DATE/TIME
    number = {sentence.id: n for n, sentence in enumerate(sentences.sentences)}
    for time in times:
        if time.type in _DATED_TYPES and time.sentence in number:
            last_time[number[time.sentence]] = time
    by_token = {c.trigger.i: c for c in candidates}
    reporting = {c.trigger.i for c in candidates if c.reporting}
    for candidate in candidates:
        if candidate.time is not None or candidate.reporting or candidate.tense not in _CARRY_TENSES:
            continue
        governor = next((by_token[a.i] for a in candidate.trigger.ancestors if a.i in by_token), None)
        if governor is not None and (governor.tense not in _CARRY_TENSES or governor.tense == "past_perfect"):
            continue
        if _reported(candidate.trigger, reporting):
            continue
        paragraph = sentences.sentences[candidate.sentence].paragraph
        for back in range(candidate.sentence, max(candidate.sentence - 1 - CARRY_SENTENCES, -1), -1):
            if sentences.sentences[back].paragraph != paragraph:
                break
            if back in last_time:
                candidate.time, candidate.anchor_rule = last_time[back], "nearby_time"
                break


def _reported(token: Token, reporting: set[int]) -> bool:
    """Whether `token` is inside what a statement reports (below a content edge of a reporting verb)."""
    for ancestor in token.ancestors:
        if token.dep in CONTENT_DEPS and ancestor.i in reporting:
            return True
        token = ancestor
    return False


AnchorRule = Callable[[Doc, list[Candidate], list[TimeExpression], SentenceIndex], None]
ANCHOR_RULES: list[tuple[str, AnchorRule]] = [
    ("own_clause", own_clause),
    ("governing_clause", governing_clause),
    ("modified_noun", modified_noun),
    ("news_day", news_day),
    ("paragraph_scope", paragraph_scope),
    ("nearby_time", nearby_time),
]
WEAK_ANCHORS = frozenset({"nearby_time"})  # shown, but not used to place the event


def anchor(
    doc: Doc, candidates: list[Candidate], times: list[TimeExpression], sentences: SentenceIndex
) -> None:
    for _, rule in ANCHOR_RULES:
        rule(doc, candidates, times, sentences)
