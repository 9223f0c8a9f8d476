"""Claims on the chronology: one entry per statement, with every article that carries it.

A quote carried by several outlets is one claim when the speaker is the same linked actor (or the
same speaker text, or none) and the contents agree almost word for word (`SAME_QUOTE`). Its date is
the statement date: the most precise date the claims give, else the earliest publication date of
the articles carrying it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from claimline.crossdoc.dates import UNKNOWN, DateInterval
from claimline.crossdoc.digest import ClaimDigest
from claimline.crossdoc.events import agreement, content_words
from claimline.models import ClaimSource, MergedClaim

SAME_QUOTE = 0.8
CANDIDATES_PER_SPEAKER = 256


@dataclass(slots=True)
class ClaimCluster:
    speaker: str | None  # linked actor id
    first: ClaimDigest
    words: frozenset[str]
    members: list[ClaimDigest] = field(default_factory=list)
    about: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)


def _speaker_key(claim: ClaimDigest, speaker: str | None) -> str:
    if speaker is not None:
        return f"actor:{speaker}"
    return f"text:{(claim.speaker_text or '').casefold()}"


def merge_claims(claims: Iterable[tuple[ClaimDigest, str | None, set[str]]]) -> list[ClaimCluster]:
    """`claims`: (claim, linked speaker id or None, linked actors it names); clusters in first-seen order."""
    clusters: list[ClaimCluster] = []
    by_speaker: dict[str, list[ClaimCluster]] = {}
    for claim, speaker, about in claims:
        words = content_words(claim.content)
        block = by_speaker.setdefault(_speaker_key(claim, speaker), [])
        found = None
        for cluster in block[-CANDIDATES_PER_SPEAKER:]:
            if claim.article not in cluster.articles and (agreement(words, cluster.words) >= SAME_QUOTE):
                found = cluster
                break
        if found is None:
            found = ClaimCluster(speaker=speaker, first=claim, words=words)
            clusters.append(found)
            block.append(found)
        found.members.append(claim)
        found.articles.add(claim.article)
        found.about |= about - ({speaker} if speaker else set())
    return clusters


def statement_date(cluster: ClaimCluster, published: dict[str, date | None]) -> DateInterval | None:
    stated = [m.interval for m in cluster.members if m.interval is not None]
    if stated:
        return min(stated, key=lambda interval: (interval.days, interval.earliest))
    days = [d for d in (published.get(m.article) for m in cluster.members) if d is not None]
    return DateInterval(min(days), min(days)) if days else None


def merged_claim(claim_id: str, cluster: ClaimCluster, when: DateInterval | None) -> MergedClaim:
    first = cluster.first
    return MergedClaim(
        id=claim_id,
        date=when.label if when else UNKNOWN,
        earliest=when.earliest if when else None,
        speaker=cluster.speaker,
        speaker_text=first.speaker_text,
        cue=first.cue,
        content=first.content,
        kind=first.kind,
        about=sorted(cluster.about),
        sources=[
            ClaimSource(article=m.article, claim=m.claim, sentence=m.sentence, start=m.start, end=m.end)
            for m in cluster.members
        ],
    )
