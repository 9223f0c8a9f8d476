"""Terminal view: rich tables for the timeline, the claims and the actors."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from claimline.models import Article
from claimline.views._common import (
    Lookup,
    speaker_label,
    title_of,
    via_labels,
    when_label,
)

__all__ = ["render_table"]


def _header(article: Article) -> Text:
    header = Text()
    header.append(title_of(article), style="bold")
    meta = [article.source.name]
    if article.source.published:
        meta.append(f"published {article.source.published.isoformat()}")
    meta.append(
        f"{len(article.timeline)} events · {len(article.claims)} claims · {len(article.actors)} actors"
    )
    header.append("\n" + " · ".join(meta), style="dim")
    for warning in article.warnings:
        header.append(f"\nwarning: {warning}", style="yellow")
    return header


def _table(title: str) -> Table:
    return Table(
        title=title,
        title_style="bold",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=True,
        header_style="bold",
        padding=(0, 1, 0, 0),
    )


def _timeline_table(article: Article, lookup: Lookup) -> Table:
    table = _table("Timeline")
    table.add_column("When", style="cyan", min_width=10, max_width=18)
    table.add_column("Event", ratio=3, min_width=16, overflow="fold")
    table.add_column("Actors", style="green", ratio=1, min_width=10, overflow="fold")
    for event in article.timeline:  # the JSON order: the timeline is already one order
        resolved, written = when_label(event, lookup)
        when = Text(resolved) if resolved else Text("undated", style="dim")
        if written:
            when.append(f"\n{written}", style="dim")
        style = "dim" if event.placement == "narrative" else ""
        table.add_row(
            when, Text(event.summary, style=style), Text(", ".join(lookup.actor_names(event.actors)))
        )
    return table


def _claims_table(article: Article, lookup: Lookup) -> Table:
    table = _table("Claims")
    table.add_column("Speaker", style="green", min_width=8, max_width=18)
    table.add_column("Cue", min_width=4, max_width=12)
    table.add_column("Content", ratio=1, min_width=20, overflow="fold")
    table.add_column("Kind", min_width=4, max_width=9)
    table.add_column("Via", min_width=3, max_width=14)
    for claim in sorted(article.claims, key=lambda c: c.content.start):
        written, resolved = speaker_label(claim, lookup)
        speaker = Text(written or "—")
        if resolved and resolved != written:
            speaker.append(f"\n→ {resolved}", style="bold")
        table.add_row(
            speaker,
            Text(claim.cue.text if claim.cue else "—"),
            Text(claim.content.text),
            Text(claim.kind.replace("_", " ")),
            Text(", ".join(via_labels(claim, lookup)) or "—"),
        )
    return table


def _actors_table(article: Article) -> Table:
    table = _table("Actors")
    table.add_column("Actor", style="green", min_width=8, max_width=24)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Also called", ratio=1, min_width=10, overflow="fold")
    table.add_column("Mentions", justify="right", no_wrap=True)
    for actor in sorted(article.actors, key=lambda a: (-len(a.mentions), a.name.casefold())):
        also = [*actor.aliases, *actor.descriptions]
        table.add_row(Text(actor.name), actor.kind, Text("; ".join(also) or "—"), str(len(actor.mentions)))
    return table


def render_table(article: Article, console: Console) -> None:
    """Print the article's timeline, claims and actors as tables on `console`.

    Colour and width follow the console: a console that is not a terminal gets plain text.
    """
    lookup = Lookup(article)
    parts: list[Text | Table] = [_header(article), Text("")]
    if article.timeline:
        parts += [_timeline_table(article, lookup), Text("")]
    else:
        parts += [Text("No events found.", style="dim"), Text("")]
    if article.claims:
        parts += [_claims_table(article, lookup), Text("")]
    else:
        parts += [Text("No claims found.", style="dim"), Text("")]
    if article.actors:
        parts.append(_actors_table(article))
    else:
        parts.append(Text("No actors found.", style="dim"))
    console.print(Group(*parts))
