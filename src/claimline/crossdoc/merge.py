"""`merge_timelines`: one chronology per actor across many articles.

Articles are reduced to digests as they come (`digest`), actors are linked across articles
(`linking`), the events of the chosen actors are merged (`events`), dated and ordered
(`ordering`), and their claims merged (`claims`). The result is one `MergedTimeline`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date

from claimline.crossdoc.claims import merge_claims, merged_claim, statement_date
from claimline.crossdoc.digest import ArticleDigest, ClaimDigest, digest
from claimline.crossdoc.events import Cluster, Mention, content_words, family_of, merge_events
from claimline.crossdoc.linking import ActorLinker, with_sources
from claimline.crossdoc.ordering import place, ranks
from claimline.crossdoc.selection import DEFAULT_ACTORS, Target, Targets, default_actors, make_target, members
from claimline.models import (
    ActorTimeline,
    Article,
    ArticleRef,
    EventMention,
    LinkedActor,
    MergedEvent,
    MergedTimeline,
)


def read_digests(
    articles: Iterable[Article | ArticleDigest], warnings: list[str], *, full: bool = True
) -> Iterator[ArticleDigest]:
    """Digests of the articles, one at a time; a repeated article id gets `#N` and a warning.

    `full=False` keeps only the actors (the first pass of a two-pass merge).
    """
    seen: set[str] = set()
    for number, article in enumerate(articles):
        item = article if isinstance(article, ArticleDigest) else digest(article, number, full=full)
        if item.id in seen:
            warnings.append(f"{item.id}: the same article id twice; the later one is #{number}")
            item.id = f"{item.id}#{number}"
            for event in item.events:
                event.article = item.id
            for claim in item.claims:
                claim.article = item.id
        seen.add(item.id)
        yield item


def _targets(linker: ActorLinker, queries: Sequence[str], top: int, warnings: list[str]) -> list[Target]:
    if not queries:
        return [make_target(a, None, linker.sources[a.id]) for a in default_actors(linker.actors, top)]
    by_id = {actor.id: actor for actor in linker.actors}
    targets: list[Target] = []
    for number, query in enumerate(queries):
        found = linker.resolve(query)
        if found is None:
            warnings.append(f"no actor named {query!r}: its chronology holds the events naming it")
            actor = LinkedActor(id=f"Q{number}", name=query, kind="other", mentions=0)
        else:
            actor = by_id[found]
        targets.append(make_target(actor, query, linker.sources.get(actor.id, [])))
    return targets


ClaimInput = tuple[ClaimDigest, str | None, set[str]]


def _relevant(
    digests: Iterable[ArticleDigest], links: dict[tuple[str, str], str], targets: Targets
) -> tuple[list[Mention], list[ClaimInput]]:
    """The event mentions and claims of the target actors: all that is kept of the articles."""
    target_ids = targets.ids
    mentions: list[Mention] = []
    claims: list[ClaimInput] = []
    for article in digests:
        for event in article.events:
            chosen = members(event, article, targets)
            if chosen:
                linked = {links[(article.id, a)] for a in event.actors if (article.id, a) in links}
                mentions.append(
                    Mention(
                        digest=event,
                        family=family_of(event.lemma),
                        actors=frozenset(linked | chosen),
                        words=content_words(event.summary),
                        reported=article.published if event.tense != "future" else None,
                    )
                )
        for claim in article.claims:
            speaker = links.get((article.id, claim.speaker)) if claim.speaker else None
            about = {links[(article.id, a)] for a in claim.about if (article.id, a) in links}
            if speaker in target_ids or about & target_ids:
                claims.append((claim, speaker, about))
    return mentions, claims


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


ArticleSource = Iterable[Article | ArticleDigest] | Callable[[], Iterable[Article | ArticleDigest]]


def merge_timelines(
    articles: ArticleSource,
    actors: Sequence[str] | None = None,
    *,
    top: int = DEFAULT_ACTORS,
) -> MergedTimeline:
    """One chronology per actor across `articles` (their texts are not kept).

    `actors` names the actors to follow ("Steve Jobs", "GM"); by default the `top` most mentioned
    people and organisations. A name no article's actors match still gets the events that name it.

    `articles` is read once, and every article's events and claims are held until the actors are
    linked. Given a function returning a fresh iterable of the same articles instead, it is read
    twice (first the actors, then only the events and claims of the chosen actors are kept), so
    memory grows with the actors and the chosen actors' events, not with the articles' events.
    """
    queries = list(dict.fromkeys(actors or ()))
    warnings: list[str] = []
    two_pass = callable(articles)
    first_pass = articles() if callable(articles) else articles
    linker = ActorLinker()
    refs: list[ArticleRef] = []
    digests: list[ArticleDigest] = []
    for article in read_digests(first_pass, warnings, full=not two_pass):
        for actor in article.actors:
            linker.add(article.id, actor)
        refs.append(ArticleRef(id=article.id, title=article.title, published=article.published))
        if not two_pass:
            digests.append(article)
    links = linker.link()
    targets = _targets(linker, queries, top, warnings)
    second_pass = read_digests(articles(), []) if callable(articles) else digests
    mentions, claim_input = _relevant(second_pass, links, Targets(targets))
    del digests
    published = {ref.id: ref.published for ref in refs}
    events = _event_entries(merge_events(mentions), published)

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
        articles=refs,
        actors=[with_sources(a, linker.sources[a.id]) for a in linker.actors if a.id in kept]
        + [t.actor for t in targets if t.actor.id.startswith("Q")],
        timelines=timelines,
        events=events,
        claims=claims,
        warnings=warnings,
    )
