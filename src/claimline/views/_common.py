"""Helpers shared by the views: lookups, date labels, claim grouping, text layout."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from claimline.models import Actor, Article, Claim, Event, Sentence, TimeExpression


class Lookup:
    """Id -> object indexes for one article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.actors: dict[str, Actor] = {a.id: a for a in article.actors}
        self.times: dict[str, TimeExpression] = {t.id: t for t in article.times}
        self.sentences: dict[str, Sentence] = {s.id: s for s in article.sentences}

    def actor_name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def actor_names(self, actor_ids: Iterable[str]) -> list[str]:
        return [self.actor_name(a) for a in actor_ids]

    def time_of(self, event_or_claim: Event | Claim) -> TimeExpression | None:
        return self.times.get(event_or_claim.time) if event_or_claim.time else None


def date_range_label(earliest: date | None, latest: date | None) -> str:
    """A compact label for a date interval: `2025-03-18`, `2025-03`, `2025-03-21–31`, `≥ 2025-03-18`."""
    if earliest is None and latest is None:
        return ""
    if earliest is None:
        assert latest is not None
        return f"≤ {latest.isoformat()}"
    if latest is None:
        return f"≥ {earliest.isoformat()}"
    if earliest == latest:
        return earliest.isoformat()
    last_day = calendar.monthrange(latest.year, latest.month)[1]
    if (earliest.year, earliest.month, earliest.day, latest.month, latest.day) == (latest.year, 1, 1, 12, 31):
        return f"{earliest.year:04d}"
    if earliest.day == 1 and latest.day == last_day:
        if (earliest.year, earliest.month) == (latest.year, latest.month):
            return f"{earliest.year:04d}-{earliest.month:02d}"
        if earliest.year == latest.year:
            return f"{earliest.year:04d}-{earliest.month:02d}–{latest.month:02d}"
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.isoformat()}–{latest.day:02d}"
    if earliest.year == latest.year:
        return f"{earliest.isoformat()} – {latest.month:02d}-{latest.day:02d}"
    return f"{earliest.isoformat()} – {latest.isoformat()}"


def is_dated(event: Event) -> bool:
    """Known to a day or a period: both ends (a tense gives only one: "before publication")."""
    return event.earliest is not None and event.latest is not None


def date_key(event: Event) -> tuple[date, date, int]:
    """Sort key for a dated event: by start, then end, then narrative position."""
    first = event.earliest or event.latest
    last = event.latest or event.earliest
    assert first is not None and last is not None
    return (first, last, event.trigger.start)


def split_timeline(events: Sequence[Event]) -> tuple[list[Event], list[Event]]:
    """(dated events in date order, the others in narrative order), for timelines across articles;
    one article's views show its `timeline` order."""
    dated = sorted((e for e in events if is_dated(e)), key=date_key)
    undated = sorted((e for e in events if not is_dated(e)), key=lambda e: e.trigger.start)
    return dated, undated


def when_label(event: Event, lookup: Lookup) -> tuple[str, str]:
    """(resolved date label, the time expression as written), either may be empty."""
    time = lookup.time_of(event)
    return date_range_label(event.earliest, event.latest), time.text if time else ""


@dataclass
class SpeakerGroup:
    """Claims attributed to one resolved actor, one unresolved speaker text, or nobody."""

    key: str
    label: str
    actor: Actor | None
    claims: list[Claim] = field(default_factory=list)


def group_claims(article: Article, lookup: Lookup) -> list[SpeakerGroup]:
    """Claims grouped by resolved speaker, groups in order of their first claim."""
    groups: dict[str, SpeakerGroup] = {}
    for claim in sorted(article.claims, key=lambda c: c.content.start):
        speaker = claim.speaker
        if speaker is not None and speaker.actor is not None:
            key = f"actor:{speaker.actor}"
            actor = lookup.actors.get(speaker.actor)
            label = actor.name if actor else speaker.actor
        elif speaker is not None:
            key = f"text:{speaker.text.casefold()}"
            actor = None
            label = speaker.text
        else:
            key = "none"
            actor = None
            label = "Unattributed"
        group = groups.get(key)
        if group is None:
            group = groups[key] = SpeakerGroup(key=key, label=label, actor=actor)
        group.claims.append(claim)
    return list(groups.values())


def speaker_label(claim: Claim, lookup: Lookup) -> tuple[str, str]:
    """(speaker as written, resolved actor name or '')."""
    if claim.speaker is None:
        return "", ""
    resolved = lookup.actor_name(claim.speaker.actor) if claim.speaker.actor else ""
    return claim.speaker.text, resolved


def via_labels(claim: Claim, lookup: Lookup) -> list[str]:
    """`via` entries resolved to actor names where they are actor ids."""
    return [lookup.actor_name(v) for v in claim.via]


def paragraphs(article: Article) -> list[list[Sentence]]:
    """Body sentences grouped by `Sentence.paragraph`, in order."""
    result: list[list[Sentence]] = []
    current: int | None = None
    for sentence in sorted(article.sentences, key=lambda s: s.start):
        if current is None or sentence.paragraph != current:
            result.append([])
            current = sentence.paragraph
        result[-1].append(sentence)
    return result


def title_of(article: Article) -> str:
    return article.source.title or article.id or article.source.name
