"""Views of a merged timeline (`claimline timeline`): terminal tables and Markdown.

Per actor: its events in order (date, what happened, which articles report it) and its claims with
the claims others made about it, each with its statement date and its sources.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimline.models import ActorTimeline, LinkedActor, MergedClaim, MergedEvent, MergedTimeline
from claimline.views.markdown import escape_markdown
from claimline.views.terminal import _table

__all__ = ["render_merged_markdown", "render_merged_table"]


@dataclass
class ActorView:
    actor: LinkedActor
    events: list[MergedEvent]
    claims: list[MergedClaim]
    claims_about: list[MergedClaim]


def actor_views(merged: MergedTimeline) -> Iterator[ActorView]:
    actors = {a.id: a for a in merged.actors}
    events = {e.id: e for e in merged.events}
    claims = {c.id: c for c in merged.claims}

    def view(timeline: ActorTimeline) -> ActorView:
        return ActorView(
            actor=actors[timeline.actor],
            events=[events[e] for e in timeline.events],
            claims=[claims[c] for c in timeline.claims],
            claims_about=[claims[c] for c in timeline.claims_about],
        )

    for timeline in merged.timelines:
        yield view(timeline)


def when(event: MergedEvent) -> str:
    """The date as the table shows it: 'unplaced' for rank 0, '≈' for a publication date."""
    if event.rank == 0:
        return "unplaced"
    if event.date_source == "relation":
        return "(by relation)"
    return ("≈ " if event.date_source == "publication" else "") + event.date.replace("-XX", "")


def sources(articles: list[str]) -> str:
    unique = list(dict.fromkeys(articles))
    return ", ".join(unique[:3]) + (f" +{len(unique) - 3}" if len(unique) > 3 else "")


def actor_names(merged: MergedTimeline, ids: list[str]) -> str:
    names = {a.id: a.name for a in merged.actors}
    return ", ".join(names.get(i, i) for i in ids)


def render_merged_table(merged: MergedTimeline, console: Console) -> None:
    console.print(
        Text(
            f"{len(merged.articles)} articles · {len(merged.events)} events · {len(merged.claims)} claims",
            style="dim",
        )
    )
    for view in actor_views(merged):
        console.print(Text(f"\n{view.actor.name}", style="bold"), Text(f" ({view.actor.kind})", style="dim"))
        events = _table("Chronology")
        events.add_column("#", justify="right", width=3)
        events.add_column("When", style="cyan", min_width=10, max_width=14)
        events.add_column("Event", ratio=3, overflow="fold")
        events.add_column("Reported by", ratio=1, overflow="fold")
        for event in view.events:
            reported = sources([m.article for m in event.mentions])
            events.add_row(str(event.rank), when(event), event.summary, reported)
        console.print(events if view.events else Text("No events.", style="dim"))
        claims = _claims_table(merged, view)
        if claims is not None:
            console.print(claims)


def _claims_table(merged: MergedTimeline, view: ActorView) -> Table | None:
    rows = [(c, "by") for c in view.claims] + [(c, "about") for c in view.claims_about]
    if not rows:
        return None
    order = {claim.id: n for n, claim in enumerate(merged.claims)}  # merged claims are in date order
    rows.sort(key=lambda row: order[row[0].id])
    table = _table("Claims by and about")
    table.add_column("When", style="cyan", min_width=10, max_width=12)
    table.add_column("Who", style="green", ratio=1, overflow="fold")
    table.add_column("Claim", ratio=3, overflow="fold")
    table.add_column("Sources", ratio=1, overflow="fold")
    for claim, relation in rows:
        who = (
            view.actor.name
            if relation == "by"
            else (actor_names(merged, [claim.speaker]) if claim.speaker else claim.speaker_text or "?")
        )
        table.add_row(
            claim.date.replace("-XX", ""),
            who,
            f"{claim.cue or ''} “{claim.content}”",
            sources([s.article for s in claim.sources]),
        )
    return table


def render_merged_markdown(merged: MergedTimeline) -> str:
    lines = [
        "# Merged timeline",
        "",
        f"{len(merged.articles)} articles · {len(merged.events)} events · {len(merged.claims)} claims",
        "",
    ]
    for view in actor_views(merged):
        lines += ["", f"## {escape_markdown(view.actor.name)}", ""]
        if view.actor.aliases:
            lines += ["Also: " + ", ".join(escape_markdown(a) for a in view.actor.aliases), ""]
        lines += ["| # | When | Event | Reported by |", "| ---: | --- | --- | --- |"]
        for event in view.events:
            reported = escape_markdown(sources([f"{m.article} ({m.text})" for m in event.mentions]))
            lines.append(f"| {event.rank} | {when(event)} | {escape_markdown(event.summary)} | {reported} |")
        claims = [(c, True) for c in view.claims] + [(c, False) for c in view.claims_about]
        if claims:
            lines += ["", "### Claims", ""]
            for claim, own in claims:
                speaker = (
                    view.actor.name
                    if own
                    else (
                        actor_names(merged, [claim.speaker])
                        if claim.speaker
                        else claim.speaker_text or "unattributed"
                    )
                )
                where = escape_markdown(sources([s.article for s in claim.sources]))
                cue = escape_markdown(claim.cue or "")
                lines.append(
                    f"- {claim.date.replace('-XX', '')} **{escape_markdown(speaker)}** {cue}: "
                    f"“{escape_markdown(claim.content)}” ({where})"
                )
    return "\n".join(lines) + "\n"
