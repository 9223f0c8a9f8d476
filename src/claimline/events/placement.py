"""Placement: the timeline as one order that dates, stated relations and tense agree with.

Every event gets a sort key `day * 16 + tier`:
- `date`: anchored to a time expression with a date: its first day;
- `tense`: an event on the main axis without one: the news day (the publication date, or the earliest
  day a statement of the week before is dated to), and a tier from its tense and aspect: a past perfect
  before a simple past or present perfect, before a present state; statements just before the
  publication date; a future after it;
- `narrative`: off the main axis (negated, possible, intended) or without a tense (a noun): the key of
  the event that governs it, else of the one before it in the text, and its place in the text among
  events with that key; it is listed, not placed as fact.

Events the text names twice ("resumed" ... "the resumption") form one group and move together. Then
the sieves' relations are applied in sieve order: a relation the keys already satisfy is kept; one
they break moves the weaker-placed group next to the other (`relation`), and a relation that would
move a dated event to another day is dropped (a date is stronger than a stated order). The timeline
is the events sorted by key, then text order; each keeps the relations its final order agrees with.
"""

from __future__ import annotations

from datetime import date

from claimline.events.anchoring import WEAK_ANCHORS
from claimline.events.candidate import Candidate, Relation
from claimline.events.sieves import SIEVE_RANK
from claimline.events.vocabulary import vocabulary

TIERS = {
    "past_perfect": 0.0,
    "past": 1.0,
    "participle": 1.0,
    "present_perfect": 1.0,
    "present": 3.0,
    "statement": 4.0,
    "future": 6.0,
    "infinitive": 6.0,
    "none": 1.0,
}
DAY = 16  # key units per day: room for the tiers and the steps between them
STEP = 0.25  # a related event sits this much before or after the other (a tier is 1)
NEWS_DAYS = 7  # a statement dated this many days before publication or fewer is the news of the day
_STRENGTH = {"date": 3, "relation": 2, "tense": 1, "narrative": 0}
_STATEMENT_TENSES = frozenset({"past", "present_perfect", "present", "participle"})


def reference_day(candidates: list[Candidate], published: date | None) -> int:
    """The day undated events are placed on: the news day (the earliest day a statement is dated to,
    "officials said Friday", in the week before publication), else the publication date, else the
    latest date of the text."""
    news_days = []
    for candidate in candidates:
        time = candidate.time
        if not (candidate.reporting and candidate.anchor_rule == "own_clause" and time and time.earliest):
            continue
        if time.earliest != time.latest:
            continue  # a news day is a day ("Friday"), not a period ("late March")
        if published is None or 0 <= (published - time.earliest).days <= NEWS_DAYS:
            news_days.append(time.earliest.toordinal())
    if news_days:
        return min(news_days)
    if published is not None:
        return published.toordinal()
    days = [c.time.earliest.toordinal() for c in candidates if c.time is not None and c.time.earliest]
    return max(days, default=0)


def _tier(candidate: Candidate) -> float:
    if candidate.trigger.lemma in vocabulary().reporting and candidate.tense in _STATEMENT_TENSES:
        return TIERS["statement"]
    return TIERS[candidate.tense]


def _base_keys(candidates: list[Candidate], day: int, published: date | None) -> None:
    for candidate in candidates:
        time = candidate.time
        if time is not None and time.earliest is not None and candidate.anchor_rule not in WEAK_ANCHORS:
            candidate.key = time.earliest.toordinal() * DAY + _tier(candidate)
            candidate.placement = "date"
            candidate.earliest, candidate.latest = time.earliest, time.latest
        elif candidate.on_main_axis and candidate.tense != "none":
            candidate.key = day * DAY + _tier(candidate)
            candidate.placement = "tense"
            if published is not None:
                future = candidate.tense in ("future", "infinitive")
                candidate.earliest, candidate.latest = (published, None) if future else (None, published)


def _follow_narrative(candidates: list[Candidate], governors_only: bool = False) -> None:
    """Unplaced events take the key of their governing event, else of the event before them."""
    by_token = {c.trigger.i: c for c in candidates}
    previous: Candidate | None = None
    for candidate in candidates:
        if candidate.placement == "narrative":
            fallback = None if governors_only else previous
            leader = next((by_token[a.i] for a in candidate.trigger.ancestors if a.i in by_token), fallback)
            if leader is not None:
                candidate.key = leader.key  # then text order among events with that key
        previous = candidate


class _Groups:
    """Events named twice (SIMULTANEOUS by coreference) as one group: its key is its strongest member's."""

    def __init__(self, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        self.parent = list(range(len(candidates)))
        # the members of each group of more than one, by root: `members` must not scan every
        # candidate (it is called per relation, and a long text has tens of thousands of both)
        self.groups: dict[int, list[int]] = {}

    def find(self, n: int) -> int:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def members(self, n: int) -> list[Candidate]:
        root = self.find(n)
        return [self.candidates[m] for m in self.groups.get(root, [root])]

    def strongest(self, n: int) -> Candidate:
        return max(self.members(n), key=lambda c: (_STRENGTH[c.placement], -c.narrative))

    def join(self, a: int, b: int) -> None:
        """One group of a and b, placed as its strongest member (dated members on two days stay apart)."""
        lead_a, lead_b = self.strongest(a), self.strongest(b)
        if lead_a.placement == lead_b.placement == "date" and lead_a.key // DAY != lead_b.key // DAY:
            return
        lead = max((lead_a, lead_b), key=lambda c: (_STRENGTH[c.placement], -c.narrative))
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_a] = root_b
            joined = self.groups.pop(root_a, [root_a]) + self.groups.pop(root_b, [root_b])
            self.groups[root_b] = sorted(joined)
        for member in self.members(a):
            if member is not lead and member.placement != "date":
                member.key, member.placement = lead.key, "relation"
                member.earliest, member.latest = lead.earliest, lead.latest


def _apply(groups: _Groups, n: int, relation: Relation) -> None:
    """Make the keys satisfy `relation` of candidate n, moving the weaker group, if a date allows."""
    this, other = groups.strongest(n), groups.strongest(relation.other)
    if groups.find(n) == groups.find(relation.other):
        return
    before = relation.type == "BEFORE"
    if (this.key < other.key) if before else (this.key > other.key):
        return
    strength_this, strength_other = _STRENGTH[this.placement], _STRENGTH[other.placement]
    move_this = strength_this < strength_other or (strength_this == strength_other and relation.moves_self)
    mover, anchor = (n, relation.other) if move_this else (relation.other, n)
    lead, fixed = groups.strongest(mover), groups.strongest(anchor)
    if lead.placement == "date" and lead.key // DAY != fixed.key // DAY:
        return  # a date wins over a stated order
    goes_before = before == move_this
    key = fixed.key - STEP if goes_before else fixed.key + STEP
    for member in groups.members(mover):
        member.key = key
        if member.placement != "date":
            member.placement = "relation"
            member.earliest, member.latest = (None, fixed.latest) if goes_before else (fixed.earliest, None)


def place(candidates: list[Candidate], published: date | None) -> list[int]:
    """Keys, placements and intervals for every candidate; returns the timeline order (indices)."""
    _base_keys(candidates, reference_day(candidates, published), published)
    _follow_narrative(candidates)
    groups = _Groups(candidates)
    stated = sorted(
        ((SIEVE_RANK[r.rule], n, r) for n, c in enumerate(candidates) for r in c.relations),
        key=lambda item: (item[0], item[1]),
    )
    for _, n, relation in stated:
        if relation.type == "SIMULTANEOUS":
            groups.join(n, relation.other)
    for _ in range(2):  # a later move can undo an earlier one; a second pass settles most
        for _, n, relation in stated:
            if relation.type != "SIMULTANEOUS":
                _apply(groups, n, relation)
    _follow_narrative(candidates, governors_only=True)  # after governors that moved
    order = sorted(range(len(candidates)), key=lambda n: (candidates[n].key, candidates[n].narrative))
    position = {n: p for p, n in enumerate(order)}
    for n, candidate in enumerate(candidates):
        candidate.relations = [r for r in candidate.relations if _agrees(r, n, position, candidates)]
    return order


def _agrees(relation: Relation, n: int, position: dict[int, int], candidates: list[Candidate]) -> bool:
    if relation.type == "SIMULTANEOUS":
        return candidates[n].key == candidates[relation.other].key
    return (position[n] < position[relation.other]) == (relation.type == "BEFORE")
