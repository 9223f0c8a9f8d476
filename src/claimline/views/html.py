"""HTML view: one self-contained page (inline CSS and JS, no external request).

For each article: the text with claims and temporal expressions highlighted inline and linked to
their entries, a visual timeline (dated events on a time axis, undated ones in narrative order),
claims grouped by resolved speaker, actors and temporal expressions. For several articles: an
index and a merged timeline across articles.

The JSON does not carry the full input text, so the displayed text is rebuilt from the title and
the body sentences, and highlights are placed per sentence (a span crossing sentences is cut into
pieces).
"""

from __future__ import annotations

import calendar
import html
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from claimline.models import Article, Claim, Event, Generator, TimeExpression
from claimline.views._common import (
    Lookup,
    date_range_label,
    group_claims,
    is_dated,
    paragraphs,
    speaker_label,
    split_timeline,
    title_of,
    via_labels,
    when_label,
)
from claimline.views.html_assets import CSS, JS

__all__ = ["render_html"]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


# ---------------------------------------------------------------------------------------------
# Inline highlights


@dataclass(frozen=True)
class _Mark:
    """A highlight on the input text: [start, end) in input offsets."""

    start: int
    end: int
    kind: str  # "content", "speaker", "cue" (all of a claim) or "time"
    ref: str  # claim id or time id

    @property
    def priority(self) -> int:
        # which entry a piece covered by several marks links to: the most specific one
        return {"time": 0, "cue": 1, "speaker": 2, "content": 3}[self.kind]


def _marks(article: Article) -> list[_Mark]:
    marks: list[_Mark] = []
    for claim in article.claims:
        marks.append(_Mark(claim.content.start, claim.content.end, "content", claim.id))
        if claim.speaker is not None:
            marks.append(_Mark(claim.speaker.start, claim.speaker.end, "speaker", claim.id))
        if claim.cue is not None:
            marks.append(_Mark(claim.cue.start, claim.cue.end, "cue", claim.id))
    for time in article.times:
        marks.append(_Mark(time.start, time.end, "time", time.id))
    return [m for m in marks if m.end > m.start]


# which claims (or times) a piece of text belongs to, by role
_ROLE_ATTRIBUTES = (
    ("content", "data-content"),
    ("speaker", "data-speaker"),
    ("cue", "data-cue"),
    ("time", "data-times"),
)


def _anchor(mark: _Mark) -> str:
    return f"{'time' if mark.kind == 'time' else 'claim'}-{_e(mark.ref)}"


def _highlight(text: str, offset: int, marks: Sequence[_Mark], prefix: str, seen: set[_Mark]) -> str:
    """`text` (which starts at input offset `offset`) as HTML with the overlapping marks applied.

    Every piece links to one entry; `data-claims` lists the claims it belongs to, and `data-content`,
    `data-speaker`, `data-cue`, `data-times` in which role. The
    first piece of each claim content and time is preceded by an anchor `{prefix}x-claim-{id}` or
    `{prefix}x-time-{id}` that the entries link back to (`seen` collects the marks placed).
    """
    end = offset + len(text)
    local = [m for m in marks if m.start < end and m.end > offset]
    if not local:
        return _e(text)
    cuts = {0, len(text)}
    for m in local:
        cuts.add(max(m.start, offset) - offset)
        cuts.add(min(m.end, end) - offset)
    points = sorted(cuts)
    out: list[str] = []
    for lo, hi in itertools.pairwise(points):
        piece = text[lo:hi]
        active = [m for m in local if m.start - offset <= lo and m.end - offset >= hi]
        for m in active:
            if m not in seen:
                seen.add(m)
                if m.kind in ("content", "time"):
                    out.append(f'<span class="anchor" id="{prefix}x-{_anchor(m)}"></span>')
        if not active:
            out.append(_e(piece))
            continue
        target = min(active, key=lambda m: (m.priority, m.end - m.start))
        href = f"#{prefix}{'time' if target.kind == 'time' else 'claim'}-{target.ref}"
        classes = sorted({f"hl-{m.kind}" for m in active})
        attrs = [f'class="hl {" ".join(classes)}"', f'href="{_e(href)}"']
        claims = sorted({m.ref for m in active if m.kind != "time"})
        if claims:
            attrs.append(f'data-claims="{_e(" ".join(claims))}"')
        for kind, attr in _ROLE_ATTRIBUTES:
            refs = sorted({m.ref for m in active if m.kind == kind})
            if refs:
                attrs.append(f'{attr}="{_e(" ".join(refs))}"')
        out.append(f"<a {' '.join(attrs)}>{_e(piece)}</a>")
    return "".join(out)


def _article_text(article: Article, prefix: str) -> tuple[str, set[str]]:
    """The headline and body with highlights, and the anchors placed in it (`claim-c1`, `time-t0`)."""
    marks = _marks(article)
    seen: set[_Mark] = set()
    parts: list[str] = []
    source = article.source
    if source.title:
        if source.title_span is not None and source.title_span.text == source.title:
            title = _highlight(source.title, source.title_span.start, marks, prefix, seen)
        else:
            title = _e(source.title)
        parts.append(f'<p class="headline">{title}</p>')
    for paragraph in paragraphs(article):
        sentences = [
            f'<span class="sent" id="{prefix}sent-{_e(s.id)}">'
            f"{_highlight(s.text, s.start, marks, prefix, seen)}</span>"
            for s in paragraph
        ]
        parts.append("<p>" + " ".join(sentences) + "</p>")
    if not article.sentences and not source.title:
        parts.append('<p class="empty">No text.</p>')
    return "\n".join(parts), {_anchor(m) for m in seen if m.kind in ("content", "time")}


# ---------------------------------------------------------------------------------------------
# Time axis


@dataclass(frozen=True)
class _Placed:
    """An event to draw on an axis, with where its entry lives."""

    event: Event
    href: str
    label: str  # summary shown next to the bar
    tag: str = ""  # article tag in a merged timeline


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    span = (hi - lo).days
    ticks: list[tuple[date, str]] = []
    if span <= 92:
        step = next(n for n in (1, 2, 3, 5, 7, 14, 21) if span // n <= 6)
        d = lo if step < 7 else lo + timedelta(days=(7 - lo.weekday()) % 7)  # weeks start on Monday
        while d <= hi:
            ticks.append((d, f"{d.day} {calendar.month_abbr[d.month]}"))
            d += timedelta(days=step)
    elif span <= 3 * 366:
        y, m = lo.year, lo.month
        while date(y, m, 1) <= hi:
            d = date(y, m, 1)
            if d >= lo:
                label = calendar.month_abbr[m] + (f" {y}" if m == 1 or not ticks else "")
                ticks.append((d, label))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        for y in range(lo.year + (lo > date(lo.year, 1, 1)), hi.year + 1):
            ticks.append((date(y, 1, 1), str(y)))
    while len(ticks) > 8:
        ticks = ticks[::2]
    return ticks


def _axis(placed: Sequence[_Placed], published: Sequence[date], aria: str) -> str:
    """Dated events as bars on a shared axis (rows in date order)."""
    bounds = [d for p in placed for d in (p.event.earliest, p.event.latest) if d is not None]
    bounds += list(published)
    first, last = min(bounds), max(bounds)
    span = (last - first).days
    # room on both sides, so that dots at the ends stay on the axis; at least a week shown
    pad = max(1, round(span * 0.04), (7 - span) // 2)
    lo, hi = first - timedelta(days=pad), last + timedelta(days=pad)
    total = (hi - lo).days + 1

    def pct(d: date) -> float:
        return round(100 * (d - lo).days / total, 2)

    ticks = "".join(
        f'<span class="tick" style="left:{pct(d)}%"><span>{_e(label)}</span></span>'
        for d, label in _ticks(lo, hi)
    )
    lines = "".join(f'<span class="gridline" style="left:{pct(d)}%"></span>' for d, _ in _ticks(lo, hi))
    lines += "".join(
        f'<span class="published" style="left:{pct(d)}%" title="published {d.isoformat()}"></span>'
        for d in published
    )
    rows = [
        '<div class="tl-row tl-head"><div class="tl-label"></div>'
        f'<div class="tl-track">{ticks}'
        + "".join(
            f'<span class="pub-label{" right" if pct(d) > 50 else ""}" style="left:{pct(d)}%">'
            f"published {_e(d.isoformat())}</span>"
            for d in published[:1]
        )
        + "</div></div>"
    ]
    for p in placed:
        event = p.event
        start = event.earliest or lo
        stop = (event.latest or hi) + timedelta(days=1)
        left, width = pct(start), max(round(pct(stop) - pct(start), 2), 0.0)
        classes = ["bar"]
        if event.earliest is None:
            classes.append("open-start")
        if event.latest is None:
            classes.append("open-end")
        if event.earliest is not None and event.earliest == event.latest:
            classes.append("point")  # a dot centred on its day
            left, width = round((pct(start) + pct(stop)) / 2, 2), 0.0
        when = date_range_label(event.earliest, event.latest)
        tag = f'<span class="tag">{_e(p.tag)}</span> ' if p.tag else ""
        rows.append(
            '<div class="tl-row">'
            f'<div class="tl-label">{tag}<a href="{_e(p.href)}"><span class="date">{_e(when)}</span> '
            f"{_e(p.label)}</a></div>"
            f'<div class="tl-track">{lines}<a class="{" ".join(classes)}" href="{_e(p.href)}" '
            f'style="left:{left}%;width:{width}%" title="{_e(when + " · " + p.label)}"></a></div>'
            "</div>"
        )
    return f'<div class="tl" role="figure" aria-label="{_e(aria)}">' + "\n".join(rows) + "</div>"


# ---------------------------------------------------------------------------------------------
# Sections of one article


def _actor_link(actor_id: str, lookup: Lookup, prefix: str) -> str:
    name = lookup.actor_name(actor_id)
    if actor_id in lookup.actors:
        return f'<a class="actor" href="#{prefix}actor-{_e(actor_id)}">{_e(name)}</a>'
    return f'<span class="actor">{_e(name)}</span>'


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _event_entry(event: Event, lookup: Lookup, prefix: str, shown: set[str]) -> str:
    summaries = {e.id: e.summary for e in lookup.article.timeline}
    resolved, written = when_label(event, lookup)
    bits = []
    if resolved:
        bits.append(f'<span class="date">{_e(resolved)}</span>')
    if written and event.time is not None:
        shown_here = f"time-{event.time}" in shown
        target = f"#{prefix}x-time-{event.time}" if shown_here else f"#{prefix}time-{event.time}"
        bits.append(f'<a class="when" href="{_e(target)}">{_e(written)}</a>')
    actors = ", ".join(_actor_link(a, lookup, prefix) for a in event.actors)
    relations = "".join(
        f' <span class="rel">{_e(r.type.lower().replace("_", " "))} '
        f'<a href="#{prefix}event-{_e(r.event)}">{_e(_short(summaries.get(r.event, r.event)))}</a></span>'
        for r in event.relations
    )
    when = f'<div class="ev-when">{" ".join(bits)}</div>' if bits else ""
    return (
        f'<li class="event" id="{prefix}event-{_e(event.id)}">'
        f"{when}"
        f'<div class="ev-what" title="{_e(event.summary)}">{_e(event.summary)}</div>'
        f'<div class="ev-who">{actors}{relations} '
        f'<a class="back" href="#{prefix}sent-{_e(event.sentence)}" title="show in text">↪ text</a>'
        "</div></li>"
    )


def _timeline_section(article: Article, lookup: Lookup, prefix: str, shown: set[str]) -> str:
    parts = [f'<section class="timeline" id="{prefix}timeline"><h2>Timeline</h2>']
    if not article.timeline:
        parts.append('<p class="muted">No events found.</p></section>')
        return "".join(parts)
    parts.append('<div class="tl-wrap">')
    # the axis shows the events known to a day or a period, the list every event; both in JSON order
    dated = [e for e in article.timeline if is_dated(e)]
    if dated:
        published = [article.source.published] if article.source.published else []
        placed = [_Placed(e, f"#{prefix}event-{e.id}", e.summary) for e in dated]
        parts.append('<div class="tl-dated">')
        parts.append(_axis(placed, published, "Dated events on a time axis"))
        parts.append("</div>")
    parts.append('<div class="tl-undated"><h3>All events, in timeline order</h3><ol class="events">')
    parts += [_event_entry(e, lookup, prefix, shown) for e in article.timeline]
    parts.append("</ol></div>")
    parts.append("</div></section>")
    return "\n".join(parts)


def _claim_entry(claim: Claim, lookup: Lookup, prefix: str, shown: set[str]) -> str:
    written, resolved = speaker_label(claim, lookup)
    meta = []
    if claim.speaker is not None:
        who = _e(written)
        if claim.speaker.actor is not None and resolved != written:
            who += " → " + _actor_link(claim.speaker.actor, lookup, prefix)
        meta.append(f'<span class="who">{who}</span>')
    if claim.cue is not None:
        meta.append(f'<span class="cue">{_e(claim.cue.text)}</span>')
    meta.append(f'<span class="kind kind-{_e(claim.kind)}">{_e(claim.kind.replace("_", " "))}</span>')
    via = via_labels(claim, lookup)
    if via:
        links = ", ".join(_actor_link(v, lookup, prefix) for v in claim.via)
        meta.append(f'<span class="via">via {links}</span>')
    time = lookup.time_of(claim)
    if time is not None:
        meta.append(f'<a class="when" href="#{prefix}time-{_e(time.id)}">{_e(time.text)}</a>')
    back = (
        f'<a class="back" href="#{prefix}x-claim-{_e(claim.id)}" title="show in text">↪ text</a>'
        if f"claim-{claim.id}" in shown
        else '<span class="muted">(not in the displayed text)</span>'
    )
    return (
        f'<li class="claim" id="{prefix}claim-{_e(claim.id)}" data-claim="{_e(claim.id)}">'
        f'<blockquote>{_e(claim.content.text)}</blockquote><div class="meta">{" · ".join(meta)} {back}</div>'
        "</li>"
    )


def _claims_section(article: Article, lookup: Lookup, prefix: str, shown: set[str]) -> str:
    parts = [f'<section class="claims" id="{prefix}claims"><h2>Claims by speaker</h2>']
    groups = group_claims(article, lookup)
    if not groups:
        parts.append('<p class="muted">No claims found.</p>')
    for group in groups:
        if group.actor is not None:
            name = _actor_link(group.actor.id, lookup, prefix)
            kind = f' <span class="badge">{_e(group.actor.kind)}</span>'
        else:
            name = f"<span>{_e(group.label)}</span>"
            kind = ' <span class="badge muted">unresolved</span>' if group.key != "none" else ""
        count = len(group.claims)
        parts.append(
            f'<div class="speaker"><h3>{name}{kind} <span class="count">{count} '
            f"claim{'s' if count != 1 else ''}</span></h3><ol>"
        )
        parts += [_claim_entry(c, lookup, prefix, shown) for c in group.claims]
        parts.append("</ol></div>")
    parts.append("</section>")
    return "\n".join(parts)


def _actors_section(article: Article, prefix: str) -> str:
    spoke: dict[str, int] = {}
    for claim in article.claims:
        if claim.speaker is not None and claim.speaker.actor is not None:
            spoke[claim.speaker.actor] = spoke.get(claim.speaker.actor, 0) + 1
    rows = []
    for actor in sorted(article.actors, key=lambda a: (-len(a.mentions), a.name.casefold())):
        also = "; ".join(_e(x) for x in [*actor.aliases, *actor.descriptions])
        first = actor.mentions[0].sentence if actor.mentions else None
        name = _e(actor.name)
        if first:
            name = f'<a href="#{prefix}sent-{_e(first)}" title="first mention">{name}</a>'
        rows.append(
            f'<tr id="{prefix}actor-{_e(actor.id)}"><td>{name}</td><td>{_e(actor.kind)}</td>'
            f"<td>{also or '—'}</td><td class=num>{len(actor.mentions)}</td>"
            f"<td class=num>{spoke.get(actor.id, 0)}</td></tr>"
        )
    if not rows:
        body = '<p class="muted">No actors found.</p>'
    else:
        body = (
            "<table><thead><tr><th>Actor</th><th>Kind</th><th>Also called</th>"
            "<th class=num>Mentions</th><th class=num>Claims</th></tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table>"
        )
    return f'<section class="actors" id="{prefix}actors"><h2>Actors</h2>{body}</section>'


def _times_section(article: Article, prefix: str, shown: set[str]) -> str:
    used: dict[str, list[str]] = {}
    for event in article.timeline:
        if event.time:
            used.setdefault(event.time, []).append(
                f'<a href="#{prefix}event-{_e(event.id)}">{_e(event.summary)}</a>'
            )
    rows = []
    for time in sorted(article.times, key=lambda t: t.start):
        text = _e(time.text)
        if f"time-{time.id}" in shown:
            text = f'<a href="#{prefix}x-time-{_e(time.id)}" title="show in text">{text}</a>'
        value = _e(time.value) + (f" <span class=muted>{_e(time.mod)}</span>" if time.mod else "")
        rows.append(
            f'<tr id="{prefix}time-{_e(time.id)}"><td>{text}</td><td>{_e(time.type)}</td>'
            f"<td><code>{value}</code></td><td>{_e(_range(time)) or '—'}</td>"
            f"<td>{'<br>'.join(used.get(time.id, [])) or '—'}</td></tr>"
        )
    if not rows:
        body = '<p class="muted">No temporal expressions found.</p>'
    else:
        body = (
            "<table><thead><tr><th>Expression</th><th>Type</th><th>Value</th><th>Dates</th>"
            "<th>Events</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        )
    return f'<section class="times" id="{prefix}times"><h2>Temporal expressions</h2>{body}</section>'


def _range(time: TimeExpression) -> str:
    return date_range_label(time.earliest, time.latest)


def _article_section(article: Article, index: int, batch: bool) -> str:
    prefix = f"a{index}-"
    lookup = Lookup(article)
    text, shown = _article_text(article, prefix)
    source = article.source
    meta = [f"<code>{_e(source.name)}</code>"]
    if article.id:
        meta.append(f"id <code>{_e(article.id)}</code>")
    if source.published:
        origin = f" ({_e(source.published_origin)})" if source.published_origin else ""
        meta.append(f"published {_e(source.published.isoformat())}{origin}")
    meta.append(
        f"{len(article.timeline)} events · {len(article.claims)} claims · {len(article.actors)} actors"
    )
    warnings = "".join(f'<p class="warning">⚠ {_e(w)}</p>' for w in article.warnings)
    nav = " ".join(
        f'<a href="#{prefix}{anchor}">{label}</a>'
        for anchor, label in (
            ("timeline", "Timeline"),
            ("text", "Text"),
            ("claims", "Claims"),
            ("actors", "Actors"),
            ("times", "Times"),
        )
    )
    if batch:
        nav += ' <a href="#index">↑ Index</a>'
    tag = f'<span class="tag">{index + 1}</span> ' if batch else ""
    return f"""<article class="doc" id="a{index}">
<header class="doc-head"><h1>{tag}{_e(title_of(article))}</h1>
<p class="meta">{" · ".join(meta)}</p>{warnings}<nav>{nav}</nav></header>
{_timeline_section(article, lookup, prefix, shown)}
<div class="columns">
<section class="text" id="{prefix}text"><h2>Article</h2>
<p class="legend"><span class="hl hl-content">claim</span> <span class="hl hl-speaker">speaker</span>
<span class="hl hl-cue">cue</span> <span class="hl hl-time">time</span></p>
{text}
</section>
{_claims_section(article, lookup, prefix, shown)}
</div>
<div class="columns">
{_actors_section(article, prefix)}
{_times_section(article, prefix, shown)}
</div>
</article>"""


# ---------------------------------------------------------------------------------------------
# Batch: index and merged timeline


def _index(articles: Sequence[Article]) -> str:
    rows = []
    for i, article in enumerate(articles):
        published = article.source.published.isoformat() if article.source.published else "—"
        rows.append(
            f'<tr><td><span class="tag">{i + 1}</span></td>'
            f'<td><a href="#a{i}">{_e(title_of(article))}</a></td>'
            f"<td><code>{_e(article.id or article.source.name)}</code></td><td>{_e(published)}</td>"
            f"<td class=num>{len(article.timeline)}</td><td class=num>{len(article.claims)}</td></tr>"
        )
    return (
        '<section class="index" id="index"><h2>Articles</h2><table><thead><tr><th>#</th><th>Title</th>'
        "<th>Source</th><th>Published</th><th class=num>Events</th><th class=num>Claims</th></tr>"
        "</thead><tbody>" + "".join(rows) + "</tbody></table></section>"
    )


def _merged_timeline(articles: Sequence[Article]) -> str:
    entries: list[tuple[tuple[date, date, int, int], _Placed]] = []
    undated = 0
    for i, article in enumerate(articles):
        dated, rest = split_timeline(article.timeline)
        undated += len(rest)
        for event in dated:
            first = event.earliest or event.latest
            last = event.latest or event.earliest
            assert first is not None and last is not None
            placed = _Placed(event, f"#a{i}-event-{event.id}", event.summary, tag=str(i + 1))
            entries.append(((first, last, i, event.trigger.start), placed))
    entries.sort(key=lambda item: item[0])
    parts = ['<section class="timeline merged" id="merged-timeline"><h2>Merged timeline</h2>']
    if entries:
        parts.append(_axis([p for _, p in entries], [], "Dated events of all articles on a time axis"))
    else:
        parts.append('<p class="muted">No dated events.</p>')
    if undated:
        parts.append(f'<p class="muted">{undated} undated events are listed with their articles.</p>')
    parts.append("</section>")
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------
# Page


def render_html(articles: Sequence[Article]) -> str:
    """One self-contained HTML page for one or more articles (CSS and JS inline)."""
    articles = list(articles)
    batch = len(articles) > 1
    page_title = title_of(articles[0]) if len(articles) == 1 else f"{len(articles)} articles"
    body: list[str] = []
    if batch:
        body += [_index(articles), _merged_timeline(articles)]
    body += [_article_section(a, i, batch) for i, a in enumerate(articles)]
    if not articles:
        body.append('<p class="muted">No articles.</p>')
    return _page(page_title, articles[0].generator if articles else None, body)


def _page(page_title: str, generator: Generator | None, body: Sequence[str]) -> str:
    made_by = (
        f"claimline {_e(generator.version)} · model {_e(generator.model)} {_e(generator.model_version)}"
        if generator
        else "claimline"
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{made_by}">
<title>{_e(page_title)} · claimline</title>
<style>{CSS}</style>
</head>
<body>
<main>
<div class="page-head"><span><strong>claimline</strong> report</span><span>{made_by}</span></div>
{"".join(body)}
<footer>Generated offline by {made_by}. Highlights: claims (yellow), speakers (green), cues (italic),
temporal expressions (blue). Click a highlight to jump to its entry, and “↪ text” to jump back.</footer>
</main>
<script>{JS}</script>
</body>
</html>
"""
