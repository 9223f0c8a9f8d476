"""`merge_timelines`: one chronology per actor across many articles.

Articles are reduced to digests as they come (`digest`), actors are linked across articles
(`linking`), the events of the chosen actors are merged (`events`), dated and ordered
(`ordering`), and their claims merged (`claims`). The result is one `MergedTimeline`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from claimline.crossdoc.claims import merge_claims, merged_claim, statement_date
from claimline.crossdoc.digest import ArticleDigest, digest
from claimline.crossdoc.events import Cluster, Mention, content_words, family_of, merge_events
from claimline.crossdoc.linking import ActorLinker
from claimline.crossdoc.ordering import place, ranks
from claimline.crossdoc.selection import DEFAULT_ACTORS, Target, belongs, default_actors, make_target
from claimline.models import (
    ActorTimeline,
    Article,
    ArticleRef,
    EventMention,
    LinkedActor,
    MergedEvent,
    MergedTimeline,
)


def read_digests(articles: Iterable[Article | ArticleDigest]) -> tuple[list[ArticleDigest], list[str]]:
    """Digests of the articles (read one at a time), with warnings for repeated article ids."""
    digests: list[ArticleDigest] = []
    warnings: list[str] = []
    seen: set[str] = set()
    for number, article in enumerate(articles):
        item = article if isinstance(article, ArticleDigest) else digest(article, number)
        if item.id in seen:
            warnings.append(f"{item.id}: the same article id twice; the later one is #{number}")
            item.id = f"{item.id}#{number}"
            for event in item.events:
                event.article = item.id
            for claim in item.claims:
                claim.article = item.id
        seen.add(item.id)
        digests.append(item)
    return digests, warnings


def _targets(linker: ActorLinker, queries: Sequence[str], top: int, warnings: list[str]) -> list[Target]:
    if not queries:
        return [make_target(actor, None) for actor in default_actors(linker.actors, top)]
    by_id = {actor.id: actor for actor in linker.actors}
    targets: list[Target] = []
    for number, query in enumerate(queries):
        found = linker.resolve(query)
        if found is None:
            warnings.append(f"no actor named {query!r}: its chronology holds the events naming it")
            actor = LinkedActor(id=f"Q{number}", name=query, kind="other", mentions=0)
        else:
            actor = by_id[found]
        targets.append(make_target(actor, query))
    return targets


def _mentions(
    digests: Sequence[ArticleDigest], links: dict[tuple[str, str], str], targets: Sequence[Target]
) -> Iterator[Mention]:
    for article in digests:
        for event in article.events:
            members = {t.actor.id for t in targets if belongs(event, t, article)}
            if not members:
                continue
            linked = {links[(article.id, a)] for a in event.actors if (article.id, a) in links}
            yield Mention(
                digest=event,
                family=family_of(event.lemma),
                actors=frozenset(linked | members),
                words=content_words(event.summary),
            )


def _event_entries(clusters: list[Cluster], published: dict[str, date | None]) -> list[MergedEvent]:
    placements = place(clusters, published)
    placed_ranks = ranks(placements)
    order = sorted(range(len(clusters)), key=lambda n: (placed_ranks[n] == 0, placed_ranks[n], n))
    events: list[MergedEvent] = []
    for number, n in enumerate(order):
        cluster, placement = clusters[n], placements[n]
        first = cluster.mentions[0].digest
        interval = placement.interval if placement.source != "relation" else None
        events.append(
            MergedEvent(
                id=f"E{number}",
                date=placement.label,
                date_source=placement.source,
                earliest=interval.earliest if interval else None,
                latest=interval.latest if interval else None,
                rank=placed_ranks[n],
                lemma=first.lemma,
                summary=first.summary,
                actors=sorted(cluster.actors),
                mentions=[
                    EventMention(
                        article=m.digest.article,
                        event=m.digest.event,
                        claim=m.digest.claim,
                        sentence=m.digest.sentence,
                        start=m.digest.start,
                        end=m.digest.end,
                        text=m.digest.text,
                    )
                    for m in cluster.mentions
                ],
            )
        )
    return events


def merge_timelines(
    articles: Iterable[Article | ArticleDigest],
    actors: Sequence[str] | None = None,
    *,
    top: int = DEFAULT_ACTORS,
) -> MergedTimeline:
    """One chronology per actor across `articles` (read once, in order; their texts are not kept).

    `actors` names the actors to follow ("Steve Jobs", "GM"); by default the `top` most mentioned
    people and organisations. A name no article's actors match still gets the events that name it.
    """
    queries = list(dict.fromkeys(actors or ()))
    digests, warnings = read_digests(articles)
    linker = ActorLinker()
    for article in digests:
        for actor in article.actors:
            linker.add(article.id, actor)
    links = linker.link()
    targets = _targets(linker, queries, top, warnings)
    published = {a.id: a.published for a in digests}
    clusters = merge_events(_mentions(digests, links, targets))
    events = _event_entries(clusters, published)

    target_ids = {t.actor.id for t in targets}
    claim_input = []
    for article in digests:
        for claim in article.claims:
            speaker = links.get((article.id, claim.speaker)) if claim.speaker else None
            about = {links[(article.id, a)] for a in claim.about if (article.id, a) in links}
            if speaker in target_ids or about & target_ids:
                claim_input.append((claim, speaker, about))
    claim_clusters = merge_claims(claim_input)
    dated = [(cluster, statement_date(cluster, published)) for cluster in claim_clusters]
    dated.sort(key=lambda item: (item[1] is None, item[1].earliest if item[1] else date.min))
    claims = [merged_claim(f"C{n}", cluster, when) for n, (cluster, when) in enumerate(dated)]

    timelines = [
        ActorTimeline(
            actor=t.actor.id,
            events=[e.id for e in events if t.actor.id in e.actors],
            claims=[c.id for c in claims if c.speaker == t.actor.id],
            claims_about=[c.id for c in claims if t.actor.id in c.about and c.speaker != t.actor.id],
        )
        for t in targets
    ]
    kept = {t.actor.id for t in targets} | {a for e in events for a in e.actors}
    kept |= {c.speaker for c in claims if c.speaker} | {a for c in claims for a in c.about}
    return MergedTimeline(
        articles=[ArticleRef(id=a.id, title=a.title, published=a.published) for a in digests],
        actors=[a for a in linker.actors if a.id in kept]
        + [t.actor for t in targets if t.actor.id.startswith("Q")],
        timelines=timelines,
        events=events,
        claims=claims,
        warnings=warnings,
    )
