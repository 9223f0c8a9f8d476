"""Event stage: clause-level events with actors, an anchoring time, relations, and the ordered timeline.

An event is a clause whose head verb reports something that happened (not a modal, negated,
hypothetical or infinitival verb, and not the reporting verb of a claim unless dated), or an
event noun ("resumption", "ceasefire", "strike") that carries a date or an explicit order.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.symbols import NOUN, VERB
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


@dataclass
class _Candidate:
    trigger: Token
    narrative: int
    time: TimeExpression | None = None
    actors: list[str] = field(default_factory=list)
    relations: list[tuple[RelationType, int]] = field(default_factory=list)  # (type, candidate index)


def _is_event_verb(token: Token) -> bool:
    if token.pos_ != "VERB" or token.dep_ not in CLAUSE_DEPS or token.lemma_.lower() in NOT_EVENTS:
        return False
    has_aux = any(c.dep_ in ("aux", "auxpass") for c in token.children)
    if token.tag_ in ("VB", "VBG") and not has_aux:
        return False  # infinitive or gerund: an intention or circumstance, not a happening
    if token.tag_ == "VBN" and token.dep_ in ("acl", "relcl", "amod") and not has_aux:
        return False  # "a plan aimed at", "those detained": a participle describing a noun
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in MODALS):
            return False
        if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
            return False
    return not (token.dep_ == "xcomp" or any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children))


def _is_event_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in EVENT_NOUNS


def _clause_tokens(head: Token, heads: set[int]) -> list[Token]:
    """The tokens of `head`'s clause: its subtree without the subtrees of other event heads."""
    tokens: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(c for c in token.children if c.i not in heads)
    return sorted(tokens, key=lambda t: t.i)


def _time_in(tokens: Sequence[Token], times_by_start: dict[int, TimeExpression]) -> TimeExpression | None:
    """The first DATE/TIME expression that starts at one of `tokens`."""
    for token in tokens:
        time = times_by_start.get(token.idx)
        if time is not None and time.type in ("DATE", "TIME"):
            return time
    return None


def _actor_of(token: Token, actors: ActorIndex, doc: Doc) -> str | None:
    span_tokens = [t for t in token.subtree if t.dep_ in ("compound", "poss") or t.i == token.i]
    start = min(t.idx for t in span_tokens)
    end = token.idx + len(token.text)
    found = actors.actor_at(start, end)
    if found is None and token.pos_ == "PRON":
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

    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "poss")]
    if not subjects and trigger.dep_ == "conj":
        subjects = [c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for child in subjects:
        add(child)
    for child in trigger.children:
        if child.dep_ in ("dobj", "attr", "dative"):
            add(child)
        elif child.dep_ in ("prep", "agent"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    add(pobj)
    return found


def _summary(trigger: Token, heads: set[int], time_tokens: set[int]) -> str:
    tokens = []
    stack = [trigger]
    while stack:
        token = stack.pop()
        tokens.append(token)
        for child in token.children:
            inside_word = (
                child.text in ("-", "‑")
                and child.i > 0
                and not child.whitespace_
                and not child.nbor(-1).whitespace_
            )
            if child.i in heads or (child.dep_ in SUMMARY_SKIP_DEPS and not inside_word):
                continue  # ("al-Haya" keeps its hyphen)
            if child.dep_ == "cc" and any(c.dep_ == "conj" and c.i in heads for c in token.children):
                continue  # the "and" before a coordinated event of its own
            if child.dep_ == "prep" and any(t.i in time_tokens for t in child.subtree):
                continue
            if (
                child.dep_ == "advmod"
                and child.i < trigger.i
                and child.head.i == trigger.i
                and child.pos_ != "PART"
            ):
                continue
            stack.append(child)
    if trigger.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in trigger.children):
        subjects = [c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")]
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
    for child in trigger.children:
        word = child.lower_
        if child.dep_ in ("amod", "advmod", "npadvmod") and word in EARLIER_WORDS:
            return "before"
        if child.dep_ in ("advmod",) and word in LATER_WORDS:
            return "after"
        if child.dep_ == "prep" and word in ("prior", "before", "after", "following"):
            return None  # handled as an explicit link between two events
    if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in trigger.children) and trigger.tag_ == "VBN":
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

    kept: list[_Candidate] = []
    for candidate in candidates:
        trigger = candidate.trigger
        candidate.time = _time_in(_clause_tokens(trigger, heads), times_by_start)
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
