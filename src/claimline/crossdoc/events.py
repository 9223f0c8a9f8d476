"""Events merged across articles: the mentions of one happening become one cluster.

Two mentions are compared only when their trigger lemmas are in one family (the same verb, a
synonym, or a nominalisation: "launched", "release", "launch"). A mention joins a cluster when these
rules, in order, all allow it:

1. `compatible_dates`: their dates, where both have one, overlap (a day inside a month does);
2. `not_after_its_reports`: the date is not after the publication of an article that reports the
   event as past or present (an undated "Jobs announced" of 2005 is not the announcement of 2010);
3. `enough_evidence`: they share a linked actor and their summaries agree a little, or their
   summaries agree strongly; inside one article (two mentions there are usually two events, "said
   ... said") or for statements (claims' cues), only strongly agreeing summaries count.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from claimline.crossdoc.dates import DateInterval
from claimline.crossdoc.digest import EventDigest
from claimline.lang.crossdoc import crossdoc_words, event_family

WEAK_AGREEMENT = 0.25
STRONG_AGREEMENT = 0.5
CANDIDATES_PER_BLOCK = 24  # the most recent clusters of a (family, actor) block a mention is compared with

_TOKEN = re.compile(r"\w+")


def family_of(lemma: str) -> str:
    return event_family().get(lemma, lemma)


def content_words(text: str) -> frozenset[str]:
    stop = frozenset(crossdoc_words().stopwords)
    return frozenset(sys.intern(w) for w in _TOKEN.findall(text.casefold()) if w not in stop)


def agreement(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(slots=True)
class Mention:
    """An event digest with what merging needs: its family, linked actors and summary words."""

    digest: EventDigest
    family: str
    actors: frozenset[str]
    words: frozenset[str]
    reported: date | None = None  # publication date of its article, unless it is told as future


@dataclass(slots=True)
class Cluster:
    family: str
    mentions: list[Mention] = field(default_factory=list)
    interval: DateInterval | None = None
    actors: set[str] = field(default_factory=set)
    words: frozenset[str] = frozenset()
    articles: set[str] = field(default_factory=set)
    reported: date | None = None  # the earliest publication that reports it as past or present

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.actors |= mention.actors
        self.words = self.words | mention.words
        self.articles.add(mention.digest.article)
        if mention.reported is not None:
            self.reported = min(self.reported or mention.reported, mention.reported)
        interval = mention.digest.interval
        if interval is not None:
            self.interval = interval if self.interval is None else self.interval.intersect(interval)


MergeRule = Callable[[Mention, Cluster], bool]


def compatible_dates(mention: Mention, cluster: Cluster) -> bool:
    interval = mention.digest.interval
    return interval is None or cluster.interval is None or interval.overlaps(cluster.interval)


def not_after_its_reports(mention: Mention, cluster: Cluster) -> bool:
    """An article cannot report as past an event that happened after it was published."""
    interval = mention.digest.interval
    if interval is not None and cluster.reported is not None and interval.earliest > cluster.reported:
        return False
    return not (
        cluster.interval is not None
        and mention.reported is not None
        and cluster.interval.earliest > mention.reported
    )


def enough_evidence(mention: Mention, cluster: Cluster) -> bool:
    score = agreement(mention.words, cluster.words)
    strict = mention.digest.claim is not None or mention.digest.article in cluster.articles
    if strict:
        return score >= STRONG_AGREEMENT
    return score >= STRONG_AGREEMENT or (bool(mention.actors & cluster.actors) and score >= WEAK_AGREEMENT)


MERGE_RULES: tuple[MergeRule, ...] = (compatible_dates, not_after_its_reports, enough_evidence)


def merge_events(mentions: Iterable[Mention]) -> list[Cluster]:
    """Clusters of mentions, in the order their first mention came."""
    clusters: list[Cluster] = []
    blocks: dict[tuple[str, str | None], list[Cluster]] = {}
    for mention in mentions:
        # every cluster is in its family's (family, None) block too: an actorless mention can join it
        keys: list[tuple[str, str | None]] = [(mention.family, a) for a in sorted(mention.actors)]
        keys.append((mention.family, None))
        best: Cluster | None = None
        best_score = -1.0
        seen: set[int] = set()
        for key in keys:
            for cluster in blocks.get(key, [])[-CANDIDATES_PER_BLOCK:]:
                if id(cluster) in seen:
                    continue
                seen.add(id(cluster))
                if all(rule(mention, cluster) for rule in MERGE_RULES):
                    score = agreement(mention.words, cluster.words)
                    if score > best_score:
                        best, best_score = cluster, score
        if best is None:
            best = Cluster(family=mention.family)
            clusters.append(best)
        before = set(best.actors)
        best.add(mention)
        for key in keys:
            block = blocks.setdefault(key, [])
            if not block or block[-1] is not best:
                block.append(best)
        for actor in best.actors - before - mention.actors:
            blocks.setdefault((mention.family, actor), []).append(best)
    return clusters
