"""What the merge keeps of an article: actors, events and claims without the article's text.

Results are read one at a time and reduced to a digest, so that merging many articles takes memory
in proportion to the actors, events and claims kept, not to the texts.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from claimline.crossdoc.dates import DateInterval, interval_of
from claimline.crossdoc.tense import Tense, tense_of
from claimline.models import Article, Claim, Event, TimeExpression


@dataclass(slots=True)
class ActorDigest:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    mentions: int


@dataclass(slots=True)
class EventDigest:
    """An event, or the statement a claim's cue reports (`claim` set, `event` None)."""

    article: str
    event: str | None
    claim: str | None
    lemma: str
    start: int
    end: int
    text: str
    summary: str
    sentence: str | None
    actors: tuple[str, ...]  # per-article actor ids
    interval: DateInterval | None
    narrative: int  # position in the article's text
    relations: tuple[tuple[str, str], ...] = ()  # (BEFORE|AFTER, other event id in the article)

    @property
    def tense(self) -> Tense:
        """Read from the words when asked: only the few events that are kept need it."""
        if self.claim is not None:  # a cue: its last word is the verb ("has said")
            return tense_of(self.text.split()[-1], self.lemma, self.text)
        return tense_of(self.text, self.lemma, self.summary)


@dataclass(slots=True)
class ClaimDigest:
    article: str
    claim: str
    speaker: str | None  # per-article actor id
    speaker_text: str | None
    cue: str | None
    content: str
    kind: str
    sentence: str | None
    start: int
    end: int
    interval: DateInterval | None
    about: tuple[str, ...]  # per-article actor ids mentioned in the content


@dataclass(slots=True)
class ArticleDigest:
    id: str
    title: str | None
    published: date | None
    actors: list[ActorDigest] = field(default_factory=list)
    events: list[EventDigest] = field(default_factory=list)
    claims: list[ClaimDigest] = field(default_factory=list)


def article_id(article: Article, number: int) -> str:
    return article.id or article.source.name if article.id or article.source.name != "-" else f"#{number}"


def _interval(item: Event | Claim, times: dict[str, TimeExpression]) -> DateInterval | None:
    if isinstance(item, Event):
        return interval_of(item.earliest, item.latest)
    time = times.get(item.time) if item.time else None
    return interval_of(time.earliest, time.latest) if time else None


def query_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern finding any of `names` as whole words."""
    names = [n for n in names if n.strip()]
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _statement(claim: Claim, aid: str, times: dict[str, TimeExpression]) -> EventDigest | None:
    cue = claim.cue
    if cue is None or not cue.text.strip() or not cue.lemma.isalpha():
        return None
    return EventDigest(
        article=aid,
        event=None,
        claim=claim.id,
        lemma=cue.lemma.lower(),
        start=cue.start,
        end=cue.end,
        text=cue.text,
        summary=f"{claim.speaker.text if claim.speaker else ''} {cue.text} {claim.content.text}".strip(),
        sentence=claim.sentence,
        actors=(claim.speaker.actor,) if claim.speaker and claim.speaker.actor else (),
        interval=_interval(claim, times),
        narrative=cue.start,
        relations=(),
    )


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted by start)."""
    i = bisect_left(spans, (end, -1))
    return any(s_end > start for _, s_end in spans[max(0, i - 8) : i])


def digest(article: Article, number: int = 0, *, full: bool = True) -> ArticleDigest:
    """The digest of one article: what the merge needs, without the text (`full=False`: the actors)."""
    aid = sys.intern(article_id(article, number))
    times = {t.id: t for t in article.times}
    result = ArticleDigest(id=aid, title=article.source.title, published=article.source.published)
    for actor in article.actors:
        result.actors.append(
            ActorDigest(
                id=actor.id,
                name=actor.name,
                kind=actor.kind,
                aliases=tuple(actor.aliases),
                mentions=len(actor.mentions),
            )
        )
    if not full:
        return result
    for event in article.timeline:
        result.events.append(
            EventDigest(
                article=aid,
                event=sys.intern(event.id),
                claim=None,
                lemma=sys.intern(event.trigger.lemma.lower()),
                start=event.trigger.start,
                end=event.trigger.end,
                text=event.trigger.text,
                summary=event.summary,
                sentence=sys.intern(event.sentence) if event.sentence else None,
                actors=tuple(event.actors),
                interval=_interval(event, times),
                narrative=event.trigger.start,
                relations=tuple((r.type, r.event) for r in event.relations),
            )
        )
    mentions = sorted((m.start, m.end, a.id) for a in article.actors for m in a.mentions)
    event_spans = sorted((e.start, e.end) for e in result.events)
    for claim in article.claims:
        content = claim.content
        about = tuple(
            dict.fromkeys(a for start, end, a in mentions if content.start <= start and end <= content.end)
        )
        speaker = claim.speaker
        result.claims.append(
            ClaimDigest(
                article=aid,
                claim=claim.id,
                speaker=speaker.actor if speaker else None,
                speaker_text=speaker.text if speaker else None,
                cue=claim.cue.text if claim.cue else None,
                content=content.text,
                kind=claim.kind,
                sentence=claim.sentence,
                start=content.start,
                end=content.end,
                interval=_interval(claim, times),
                about=about,
            )
        )
        statement = _statement(claim, aid, times)
        if statement is not None and not _overlaps(event_spans, statement.start, statement.end):
            result.events.append(statement)
    result.events.sort(key=lambda e: e.narrative)
    return result
