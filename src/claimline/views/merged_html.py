"""HTML view of a merged timeline: per actor, a time axis across articles whose entries link to
their sentences in each article, then the articles themselves (the single-article report's sections).
"""

from __future__ import annotations

from collections.abc import Sequence

from claimline.models import Article, Event, MergedEvent, MergedTimeline, Trigger
from claimline.views.html import _article_section, _axis, _e, _index, _page, _Placed
from claimline.views.merged import ActorView, actor_names, actor_views, when

__all__ = ["render_merged_html"]


def _axis_event(event: MergedEvent) -> Event:
    """A stand-in per-article `Event` carrying the merged event's dates, for the shared axis code."""
    first = event.mentions[0]
    return Event(
        id=event.id,
        trigger=Trigger(start=first.start, end=first.end, text=first.text, lemma=event.lemma),
        summary=event.summary,
        earliest=event.earliest,
        latest=event.latest,
        sentence=first.sentence or "",
    )


def _mention_links(event: MergedEvent, index: dict[str, int]) -> str:
    links = []
    for mention in event.mentions:
        number = index.get(mention.article)
        if number is None or mention.sentence is None:
            links.append(f'<span class="tag">?</span> <code>{_e(mention.article)}</code>')
            continue
        links.append(
            f'<a class="back" href="#a{number}-sent-{_e(mention.sentence)}" title="{_e(mention.article)}">'
            f'<span class="tag">{number + 1}</span> “{_e(mention.text)}”</a>'
        )
    return " ".join(links)


def _actor_section(number: int, view: ActorView, merged: MergedTimeline, index: dict[str, int]) -> str:
    anchor = f"chronology-{number}"
    placed = [
        _Placed(_axis_event(e), f"#{anchor}-{e.id}", e.summary, tag=str(e.rank))
        for e in view.events
        if e.earliest is not None and e.latest is not None
    ]
    parts = [f'<section class="timeline merged" id="{anchor}"><h2>{_e(view.actor.name)}</h2>']
    if view.actor.aliases:
        parts.append(f'<p class="muted">Also: {_e(", ".join(view.actor.aliases))}</p>')
    if placed:
        parts.append(_axis(placed, [], f"Chronology of {view.actor.name} across articles"))
    items = [
        f'<li class="event" id="{anchor}-{_e(e.id)}"><div class="ev-when"><span class="date">'
        f'{_e(when(e))}</span> <span class="badge">{_e(e.date_source)}</span></div>'
        f'<div class="ev-what">{_e(e.summary)}</div><div class="ev-who">{_mention_links(e, index)}</div></li>'
        for e in view.events
    ]
    parts.append(
        '<ol class="events">' + "".join(items) + "</ol>" if items else '<p class="muted">No events.</p>'
    )
    claims = [(c, view.actor.name) for c in view.claims] + [
        (c, actor_names(merged, [c.speaker]) if c.speaker else c.speaker_text or "unattributed")
        for c in view.claims_about
    ]
    if claims:
        entries = []
        for claim, speaker in claims:
            sources = " ".join(
                f'<a class="back" href="#a{index[s.article]}-claim-{_e(s.claim)}">'
                f'<span class="tag">{index[s.article] + 1}</span></a>'
                for s in claim.sources
                if s.article in index
            )
            entries.append(
                f'<li class="claim"><blockquote>{_e(claim.content)}</blockquote><div class="meta">'
                f'<span class="when">{_e(claim.date)}</span> <span class="who">{_e(speaker)}</span> '
                f'<span class="cue">{_e(claim.cue or "")}</span> {sources}</div></li>'
            )
        parts.append(f"<h3>Claims by and about {_e(view.actor.name)}</h3><ol>{''.join(entries)}</ol>")
    parts.append("</section>")
    return "\n".join(parts)


def render_merged_html(merged: MergedTimeline, articles: Sequence[Article]) -> str:
    """One self-contained page: each actor's chronology, then the articles it links into."""
    articles = list(articles)
    index = {(a.id or a.source.name): n for n, a in enumerate(articles)}
    body = [_index(articles)] if articles else []
    body += [_actor_section(n, view, merged, index) for n, view in enumerate(actor_views(merged))]
    body += [_article_section(a, i, True) for i, a in enumerate(articles)]
    title = ", ".join(v.actor.name for v in actor_views(merged)) or "Merged timeline"
    return _page(title, articles[0].generator if articles else None, body)
