"""Dating and ordering merged events: dates first, then stated relations, then the articles' orders.

Each cluster gets a date from the first of these rules that gives one:

1. `stated_date`: the intersection of its mentions' dates (the most precise consistent evidence);
2. `stated_relation`: BEFORE/AFTER an event of the same article that has a date (placed beside it,
   its own date unknown);
3. `publication_date`: a past or present event (by tense) is dated by the earliest publication date
   of the articles reporting it: news reports what just happened. A future event is not.

Ranks: equal dates share a rank (simultaneous); a related event gets a rank of its own just before
or after its reference; an event none of the rules places has rank 0. Within a rank, events keep the
order of their first article and their place in it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from claimline.crossdoc.dates import UNKNOWN, DateInterval
from claimline.crossdoc.events import Cluster
from claimline.models import DateSource


@dataclass(slots=True)
class Placement:
    source: DateSource
    interval: DateInterval | None
    key: tuple[date, date, int] | None  # sort key; None = unplaced (rank 0)

    @property
    def label(self) -> str:
        return self.interval.label if self.interval is not None and self.source != "relation" else UNKNOWN


PlacementRule = Callable[[Cluster, "OrderingContext"], Placement | None]


@dataclass
class OrderingContext:
    published: dict[str, date | None]  # article id -> publication date
    dated_event: dict[tuple[str, str], DateInterval]  # (article, event id) -> its cluster's date


def stated_date(cluster: Cluster, context: OrderingContext) -> Placement | None:
    interval = cluster.interval
    if interval is None:
        return None
    return Placement("time", interval, (interval.earliest, interval.latest, 0))


def stated_relation(cluster: Cluster, context: OrderingContext) -> Placement | None:
    for mention in cluster.mentions:
        digest = mention.digest
        for relation, other in digest.relations:
            reference = context.dated_event.get((digest.article, other))
            if reference is not None:
                step = -1 if relation == "BEFORE" else 1
                return Placement("relation", reference, (reference.earliest, reference.latest, step))
    return None


def publication_date(cluster: Cluster, context: OrderingContext) -> Placement | None:
    if all(m.digest.tense == "future" for m in cluster.mentions):
        return None
    days = [context.published.get(m.digest.article) for m in cluster.mentions if m.digest.tense != "future"]
    known = [d for d in days if d is not None]
    if not known:
        return None
    day = min(known)
    return Placement("publication", DateInterval(day, day), (day, day, 0))


PLACEMENT_RULES: tuple[PlacementRule, ...] = (stated_date, stated_relation, publication_date)


def place(clusters: Sequence[Cluster], published: dict[str, date | None]) -> list[Placement]:
    """One placement per cluster (in the same order)."""
    context = OrderingContext(published=published, dated_event={})
    for cluster in clusters:
        if cluster.interval is not None:
            for mention in cluster.mentions:
                if mention.digest.event is not None:
                    context.dated_event[(mention.digest.article, mention.digest.event)] = cluster.interval
    placements: list[Placement] = []
    for cluster in clusters:
        for rule in PLACEMENT_RULES:
            found = rule(cluster, context)
            if found is not None:
                placements.append(found)
                break
        else:
            placements.append(Placement("none", None, None))
    return placements


def ranks(placements: Sequence[Placement]) -> list[int]:
    """Rank from 1 by sort key (equal keys, equal ranks); 0 for the unplaced."""
    keys = sorted({p.key for p in placements if p.key is not None})
    rank_of = {key: number for number, key in enumerate(keys, start=1)}
    return [rank_of[p.key] if p.key is not None else 0 for p in placements]
