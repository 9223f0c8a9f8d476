"""Event stage: clause-level events with actors, an anchoring time, relations, and the ordered timeline.

An event is a clause whose head verb reports something that happened (not a modal, negated,
hypothetical or infinitival verb, and not the reporting verb of a claim unless dated), or an
event noun ("resumption", "ceasefire", "strike") that carries a date or an explicit order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

import numpy
from spacy.attrs import HEAD, IDX
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PART, PRON, VERB
from spacy.tokens import Doc, Token

from claimline.actors import ActorIndex
from claimline.models import Claim, Event, EventRelation, RelationType, TimeExpression, Trigger
from claimline.sentences import SentenceIndex, doc_text

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "conj", "relcl", "parataxis", "xcomp", "pcomp", "acl"})
NOT_EVENTS = frozenset(
    """
    be have do seem appear become remain include mean need want like let make get go come keep begin
    start continue try tend use
    """.split()
)
MODALS = frozenset(
    {"will", "would", "must", "could", "should", "may", "might", "can", "shall", "'ll", "wo", "ca"}
)
EVENT_NOUNS = frozenset(
    """
    resumption ceasefire cease-fire truce strike strikes attack attacks assault bombing shooting
    invasion offensive war battle raid election vote referendum meeting summit talks visit trip
    speech announcement agreement deal treaty accord signing rejection refusal proposal offer
    release arrest collapse escalation withdrawal killing death explosion blast crash earthquake
    flood fire protest protests rally riot coup resignation appointment inauguration launch merger
    acquisition takeover bankruptcy verdict trial ruling hearing indictment sanction sanctions
    negotiations
    """.split()
)
EARLIER_WORDS = frozenset({"earlier", "prior", "previous", "previously", "before", "beforehand", "already"})
LATER_WORDS = frozenset({"later", "then", "afterwards", "afterward", "subsequently", "next", "following"})
SUMMARY_SKIP_DEPS = frozenset(
    {"advcl", "ccomp", "relcl", "mark", "parataxis", "punct", "discourse", "intj", "meta", "appos"}
)
MAX_SUMMARY_WORDS = 18
_CANDIDATE_POS = frozenset({NOUN, VERB})  # the parts of speech of `_is_event_verb` / `_is_event_noun`


def _ids(*words: str) -> frozenset[int]:
    """String-store ids of `words`: comparing `Token.dep`/`.lower`/`.tag` (ints) skips string lookups."""
    return frozenset(get_string_id(word) for word in words)


_CLAUSE_DEP_IDS = _ids(*CLAUSE_DEPS)
_SUMMARY_SKIP_DEP_IDS = _ids(*SUMMARY_SKIP_DEPS)
_MODAL_IDS = _ids(*MODALS)
_EARLIER_IDS = _ids(*EARLIER_WORDS)
_LATER_IDS = _ids(*LATER_WORDS)
_AUX, _AUXPASS, _NEG, _MARK, _XCOMP, _CC, _CONJ, _PREP, _ADVMOD, _POBJ, _POSS = (
    get_string_id(label)
    for label in ("aux", "auxpass", "neg", "mark", "xcomp", "cc", "conj", "prep", "advmod", "pobj", "poss")
)
_NOT_EVENT_MARKS = _ids("if", "unless", "whether")
_TO = get_string_id("to")
_INFINITE_TAGS = _ids("VB", "VBG")
_VBN = get_string_id("VBN")
_NOUN_MODIFIER_DEPS = _ids("acl", "relcl", "amod")
_HYPHENS = _ids("-", "‑")
_NAME_PART_DEPS = _ids("compound", "poss")
_SUBJECT_DEPS = _ids("nsubj", "nsubjpass")
_OBJECT_DEPS = _ids("dobj", "attr", "dative")
_PREP_DEPS = _ids("prep", "agent")
_EARLIER_DEPS = _ids("amod", "advmod", "npadvmod")
_LINKING_PREPOSITIONS = _ids("prior", "before", "after", "following")
_PERFECT_AUX_WORDS = _ids("had", "'d")


@dataclass
class _Candidate:
    trigger: Token
    narrative: int
    time: TimeExpression | None = None
    actors: list[str] = field(default_factory=list)
    relations: list[tuple[RelationType, int]] = field(default_factory=list)  # (type, candidate index)


def _is_event_verb(token: Token) -> bool:
    if token.pos != VERB or token.dep not in _CLAUSE_DEP_IDS or token.lemma_.lower() in NOT_EVENTS:
        return False
    children = [(c.dep, c.lower) for c in token.children]  # read once: each access builds a Token
    has_aux = any(dep in (_AUX, _AUXPASS) for dep, _ in children)
    if token.tag in _INFINITE_TAGS and not has_aux:
        return False  # infinitive or gerund: an intention or circumstance, not a happening
    if token.tag == _VBN and token.dep in _NOUN_MODIFIER_DEPS and not has_aux:
        return False  # "a plan aimed at", "those detained": a participle describing a noun
    for dep, word in children:
        if dep == _NEG or (dep == _AUX and word in _MODAL_IDS):
            return False
        if dep == _MARK and word in _NOT_EVENT_MARKS:
            return False
    return not (token.dep == _XCOMP or any(word == _TO and dep == _AUX for dep, word in children))


def _is_event_noun(token: Token) -> bool:
    return token.pos == NOUN and token.lemma_.lower() in EVENT_NOUNS


def _clause_times(
    doc: Doc, heads: set[int], times_by_start: dict[int, TimeExpression]
) -> dict[int, TimeExpression]:
    """For each event head (token index), the first DATE/TIME expression starting at a token of its
    clause: its subtree without the subtrees of other event heads.

    A token is in the clause of its nearest ancestor-or-self that is an event head, so walking up
    from the few tokens that start an expression finds the same as walking down every clause.
    """
    offsets = doc.to_array(HEAD).view(numpy.int64)  # head index minus token index
    starts = doc.to_array(IDX).tolist()
    first: dict[int, int] = {}  # head -> first token of its clause that starts a DATE/TIME
    for start, time in times_by_start.items():
        if time.type not in ("DATE", "TIME"):
            continue
        token = bisect_left(starts, start)
        if token == len(starts) or starts[token] != start:
            continue  # not at a token start: no clause token starts there
        node = token
        while node not in heads:
            parent = node + int(offsets[node])
            if parent == node:
                break  # the root: no event head above
            node = parent
        else:
            if node not in first or token < first[node]:
                first[node] = token
    return {head: times_by_start[starts[token]] for head, token in first.items()}


def _actor_of(token: Token, actors: ActorIndex, doc: Doc) -> str | None:
    start = min(t.idx for t in token.subtree if t.dep in _NAME_PART_DEPS or t.i == token.i)
    end = token.idx + len(token.text)
    found = actors.actor_at(start, end)
    if found is None and token.pos == PRON:
        from claimline.coref import resolve_speaker

        found = resolve_speaker(doc, token.idx, end, actors)
    return found


def _participants(trigger: Token, actors: ActorIndex, doc: Doc) -> list[str]:
    found: list[str] = []

    def add(token: Token) -> None:
        actor = _actor_of(token, actors, doc)
        if actor and actor not in found:
            found.append(actor)
        for conj in token.conjuncts:
            actor = _actor_of(conj, actors, doc)
            if actor and actor not in found:
                found.append(actor)

    children = list(trigger.children)
    subjects = [c for c in children if c.dep in _SUBJECT_DEPS or c.dep == _POSS]
    if not subjects and trigger.dep == _CONJ:
        subjects = [c for c in trigger.head.children if c.dep in _SUBJECT_DEPS]
    for child in subjects:
        add(child)
    for child in children:
        if child.dep in _OBJECT_DEPS:
            add(child)
        elif child.dep in _PREP_DEPS:
            for pobj in child.children:
                if pobj.dep == _POBJ:
                    add(pobj)
    return found


def _summary(trigger: Token, heads: set[int], time_tokens: set[int]) -> str:
    tokens = []
    stack = [trigger]
    while stack:
        token = stack.pop()
        tokens.append(token)
        children = list(token.children)
        for child in children:
            dep = child.dep
            if child.i in heads:
                continue
            if dep in _SUMMARY_SKIP_DEP_IDS:
                inside_word = (
                    child.orth in _HYPHENS
                    and child.i > 0
                    and not child.whitespace_
                    and not child.nbor(-1).whitespace_
                )
                if not inside_word:
                    continue  # ("al-Haya" keeps its hyphen)
            if dep == _CC and any(c.dep == _CONJ and c.i in heads for c in children):
                continue  # the "and" before a coordinated event of its own
            if dep == _PREP and any(t.i in time_tokens for t in child.subtree):
                continue
            if dep == _ADVMOD and child.i < trigger.i and child.head.i == trigger.i and child.pos != PART:
                continue
            stack.append(child)
    if trigger.dep == _CONJ and not any(c.dep_.startswith("nsubj") for c in trigger.children):
        subjects = [c for c in trigger.head.children if c.dep in _SUBJECT_DEPS]
        for subject in subjects:
            tokens.extend(subject.subtree)
    tokens = sorted({t.i: t for t in tokens if not t.is_space}.values(), key=lambda t: t.i)
    truncated = len(tokens) > MAX_SUMMARY_WORDS
    tokens = tokens[:MAX_SUMMARY_WORDS]
    parts: list[str] = []
    for number, token in enumerate(tokens):
        parts.append(token.text)
        following = tokens[number + 1] if number + 1 < len(tokens) else None
        if following is not None and (following.i != token.i + 1 or token.whitespace_):
            parts.append(" ")  # the text's own spacing; one space where words were left out
    return " ".join("".join(parts).split()) + (" …" if truncated else "")


def _order_words(trigger: Token) -> str | None:
    """'before' if the trigger says it happened earlier, 'after' if later, else None."""
    children = [(c.dep, c.lower) for c in trigger.children]  # read once: each access builds a Token
    for dep, word in children:
        if dep in _EARLIER_DEPS and word in _EARLIER_IDS:
            return "before"
        if dep == _ADVMOD and word in _LATER_IDS:
            return "after"
        if dep == _PREP and word in _LINKING_PREPOSITIONS:
            return None  # handled as an explicit link between two events
    if any(dep == _AUX and word in _PERFECT_AUX_WORDS for dep, word in children) and trigger.tag == _VBN:
        return "before"  # past perfect: before the narrative's reference point
    return None


def extract_events(
    doc: Doc,
    actors: ActorIndex,
    times: list[TimeExpression],
    claims: list[Claim],
    sentences: SentenceIndex,
) -> list[Event]:
    """Events of the body, ordered by time, then narrative order (see `order_timeline`)."""
    cue_chars = {
        char for claim in claims if claim.cue is not None for char in range(claim.cue.start, claim.cue.end)
    }
    quoted = _Intervals([(c.content.start, c.content.end) for c in claims if c.kind == "direct"])
    body_start = sentences.sentences[0].start if len(sentences) else len(doc_text(doc))
    candidates: list[_Candidate] = []
    for token in doc:
        if token.pos not in _CANDIDATE_POS:
            continue  # neither an event verb nor an event noun; the integer test is cheap
        if token.idx < body_start or sentences.id_at(token.idx) is None:
            continue
        if _is_event_verb(token) or (_is_event_noun(token) and token.dep_ != "compound"):
            candidates.append(_Candidate(trigger=token, narrative=len(candidates)))
    heads = {c.trigger.i for c in candidates}
    times_by_start = {time.start: time for time in times}
    index_of = {c.trigger.i: n for n, c in enumerate(candidates)}
    clause_times = _clause_times(doc, heads, times_by_start)

    kept: list[_Candidate] = []
    for candidate in candidates:
        trigger = candidate.trigger
        candidate.time = clause_times.get(trigger.i)
        if (
            candidate.time is None
            and trigger.dep_ in ("advcl", "conj", "relcl")
            and trigger.head.i in index_of
        ):
            head = candidates[index_of[trigger.head.i]]
            marks = {c.lower_ for c in trigger.children if c.dep_ in ("mark", "advmod")}
            if trigger.dep_ == "conj" or marks & {"when", "as", "while", "once"}:
                candidate.time = head.time  # "shattered on 18 March when Israel resumed ..."
        is_noun = trigger.pos_ == "NOUN"
        if candidate.time is None and (_is_reporting(trigger, cue_chars) or quoted.contains(trigger.idx)):
            continue  # a reporting verb, or a verb inside a quotation, belongs to its claim
        order = _order_words(trigger)
        if is_noun and candidate.time is None and order is None:
            continue
        candidate.actors = _participants(trigger, actors, doc)
        kept.append(candidate)

    _link(kept)
    time_tokens = {
        token.i
        for time in times
        for token in (doc.char_span(time.start, time.end, alignment_mode="expand") or ())
    }
    return order_timeline(kept, sentences, heads, time_tokens)


REPORTING_LEMMAS = frozenset({"say", "tell", "add", "note", "state", "write", "ask", "reply"})


def _is_reporting(trigger: Token, cue_chars: set[int]) -> bool:
    """A claim's cue that reports speech (not an action such as "rejected the plan")."""
    if trigger.idx not in cue_chars:
        return False
    return trigger.lemma_.lower() in REPORTING_LEMMAS or any(
        child.dep_ in ("ccomp", "parataxis") for child in trigger.children
    )


class _Intervals:
    """Membership of a character offset in a set of [start, end) ranges."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self._ranges = sorted(ranges)
        self._starts = [start for start, _ in self._ranges]
        # the furthest end among ranges starting at or before each position
        self._reach: list[int] = []
        for _, end in self._ranges:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def contains(self, char: int) -> bool:
        i = bisect_right(self._starts, char) - 1
        return i >= 0 and self._reach[i] > char


def _link(kept: list[_Candidate]) -> None:
    """Relations the text states: 'earlier'/'prior'/past perfect → BEFORE the governing or previous event."""
    position = {candidate.trigger.i: n for n, candidate in enumerate(kept)}
    for n, candidate in enumerate(kept):
        order = _order_words(candidate.trigger)
        if order is None:
            continue
        reference = _reference_event(kept, n, position)
        if reference is None:
            continue
        candidate.relations.append(("BEFORE" if order == "before" else "AFTER", reference))
    for candidate in kept:
        for child in candidate.trigger.children:
            if child.dep_ == "advcl":
                marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
                other = position.get(child.i)
                if other is None:
                    continue
                if "after" in marks:
                    candidate.relations.append(("AFTER", other))
                elif "before" in marks or "until" in marks:
                    candidate.relations.append(("BEFORE", other))


def _reference_event(kept: list[_Candidate], n: int, position: dict[int, int]) -> int | None:
    """The event an 'earlier' event precedes: its governing event in the sentence, else the previous one.

    `position` maps trigger token index to index in `kept` (in text order), so lookups stay local.
    """
    trigger = kept[n].trigger
    governing = [position[a.i] for a in trigger.ancestors if a.i in position]
    if governing:
        return max(governing)
    sentence = trigger.sent
    for m in range(n - 1, -1, -1):
        if kept[m].trigger.sent != sentence:
            return m
    subtree = {t.i for t in trigger.subtree}
    for m in range(n + 1, len(kept)):
        if kept[m].trigger.i >= sentence.end:
            break  # events are in text order: none later is in this sentence
        if kept[m].trigger.i not in subtree:
            return m
    return None


def order_timeline(
    kept: list[_Candidate],
    sentences: SentenceIndex,
    heads: set[int],
    time_tokens: set[int],
) -> list[Event]:
    """Sort by time, then narrative order.

    Undated events keep their narrative place: each sorts right after the event before it
    (a 'BEFORE'/'AFTER' relation to a dated event places it beside that event instead).
    """
    # Sort key: (date, step after that date, narrative index). An undated event sorts right after
    # the event before it; one stated to be BEFORE/AFTER another sorts just before/after that one.
    keys: dict[int, tuple[date, float, float]] = {}
    previous: tuple[date, float] = (date.min, 0)
    for n, candidate in enumerate(kept):
        time = candidate.time
        if time is not None and time.earliest is not None:
            previous = (time.earliest, 0)
            keys[n] = (time.earliest, 0, n)
        else:
            previous = (previous[0], previous[1] + 1)
            keys[n] = (previous[0], previous[1], n)
    resolved = {n for n, c in enumerate(kept) if not c.relations or (c.time is not None and c.time.earliest)}
    for n in range(len(kept)):
        # follow the chain of relations to a placed event (iteratively: chains can be long)
        path: list[int] = []
        on_path: set[int] = set()
        current = n
        while current not in resolved and current not in on_path:
            path.append(current)
            on_path.add(current)
            current = kept[current].relations[0][1]
        for m in reversed(path):
            relation, other = kept[m].relations[0]
            day, step, rank = keys[other]
            if relation == "BEFORE":
                # before the other event, and so before everything else known only by its date
                keys[m] = (day, step - 1 if step == 0 else step, rank - 0.5)
            else:
                keys[m] = (day, step, rank + 0.5)
            resolved.add(m)

    order = sorted(range(len(kept)), key=keys.__getitem__)
    position = {n: i for i, n in enumerate(order)}

    events: list[Event] = []
    for n in order:
        candidate = kept[n]
        trigger = candidate.trigger
        time = candidate.time
        sentence = sentences.id_at(trigger.idx)
        events.append(
            Event(
                id=f"e{position[n]}",
                trigger=Trigger(
                    start=trigger.idx,
                    end=trigger.idx + len(trigger.text),
                    text=trigger.text,
                    lemma=trigger.lemma_.lower(),
                ),
                summary=_summary(trigger, heads, time_tokens),
                actors=candidate.actors,
                time=time.id if time else None,
                earliest=time.earliest if time else None,
                latest=time.latest if time else None,
                sentence=sentence or "",
                relations=[
                    EventRelation(type=relation, event=f"e{position[other]}")
                    for relation, other in candidate.relations
                ],
            )
        )
    return events
