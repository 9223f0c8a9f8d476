"""Event stage: events with their polarity, modality, actors and time, and the timeline as one order.

The stage runs as a list of steps, each a module of named rules:

1. `candidates`: which tokens are events (clause verbs, event nouns with an argument);
2. `modality`: tense and aspect, polarity, modality; statements and the claims they make;
3. `anchoring`: the time expression that governs each event;
4. `sieves`: relations the text states (signals, cause, reporting, order words, past perfect);
5. `placement`: keys from dates, relations and tense, combined into one order, the timeline;
6. `summary`, `participants`: what the reader sees of each event.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from claimline.actors import ActorIndex
from claimline.events.anchoring import anchor
from claimline.events.candidate import Candidate
from claimline.events.candidates import find_candidates
from claimline.events.modality import mark_candidates
from claimline.events.participants import participants
from claimline.events.placement import place
from claimline.events.sieves import relate
from claimline.events.summary import summarise
from claimline.models import Claim, Event, EventRelation, Speaker, TimeExpression, Trigger
from claimline.sentences import SentenceIndex

__all__ = ["extract_events"]


def extract_events(
    doc: Doc,
    actors: ActorIndex,
    times: list[TimeExpression],
    claims: list[Claim],
    sentences: SentenceIndex,
    *,
    published: date | None = None,
) -> list[Event]:
    """The timeline of the body: every event, in the order its dates, relations and tenses give.

    `published` (the publication date) places undated events by tense and statements just before it;
    without it they are placed against the latest date of the text, with open intervals.
    """
    candidates = find_candidates(doc, sentences, times)
    mark_candidates(candidates, claims)
    anchor(doc, candidates, times, sentences)
    relate(candidates)
    order = place(candidates, published)
    heads = {c.trigger.i for c in candidates}
    time_tokens = {
        token.i
        for time in times
        for token in (doc.char_span(time.start, time.end, alignment_mode="expand") or ())
    }
    position = {n: p for p, n in enumerate(order)}
    speakers = {c.id: c.speaker for c in claims if c.speaker is not None}
    return [
        _event(candidates[n], position, speakers, actors, doc, sentences, heads, time_tokens) for n in order
    ]


def _event(
    candidate: Candidate,
    position: dict[int, int],
    speakers: dict[str, Speaker],
    actors: ActorIndex,
    doc: Doc,
    sentences: SentenceIndex,
    heads: set[int],
    time_tokens: set[int],
) -> Event:
    trigger = candidate.trigger
    time = candidate.time
    speaker = speakers.get(candidate.claim) if candidate.claim else None
    found = participants(trigger, actors, doc)
    if speaker is not None and speaker.actor is not None and speaker.actor not in found:
        found.insert(0, speaker.actor)  # who made the statement, as the claims stage resolved it
    return Event(
        id=f"e{position[candidate.narrative]}",
        trigger=Trigger(
            start=trigger.idx,
            end=trigger.idx + len(trigger.text),
            text=trigger.text,
            lemma=trigger.lemma_.lower(),
        ),
        summary=summarise(trigger, heads, time_tokens, speaker.text if speaker else None),
        actors=found,
        time=time.id if time else None,
        earliest=candidate.earliest,
        latest=candidate.latest,
        sentence=sentences.id_at(trigger.idx) or "",
        relations=[EventRelation(type=r.type, event=f"e{position[r.other]}") for r in candidate.relations],
        placement=candidate.placement,
        polarity=candidate.polarity,
        modality=candidate.modality,
        claim=candidate.claim,
    )
