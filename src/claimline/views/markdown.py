"""Markdown view: a summary to paste into notes or an issue (GitHub-flavoured tables)."""

from __future__ import annotations

import re

from claimline.models import Article, Claim
from claimline.views._common import (
    Lookup,
    group_claims,
    title_of,
    via_labels,
    when_label,
)

__all__ = ["escape_markdown", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")
_SPACE = re.compile(r"\s+")


def escape_markdown(text: str) -> str:
    """Escape text so Markdown renders it literally, on one line (safe in a table cell)."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text).strip())


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _claim_line(claim: Claim, lookup: Lookup) -> str:
    details = [claim.kind.replace("_", " ")]
    via = via_labels(claim, lookup)
    if via:
        details.append("via " + ", ".join(escape_markdown(v) for v in via))
    time = lookup.time_of(claim)
    if time is not None:
        details.append(escape_markdown(time.text))
    speaker = claim.speaker
    resolved = lookup.actor_name(speaker.actor) if speaker and speaker.actor else None
    cue = f"**{escape_markdown(claim.cue.text)}**" if claim.cue else "**(no cue)**"
    written = ""
    if speaker is not None and speaker.text != resolved:
        written = f"{escape_markdown(speaker.text)} "
    return f"- {written}{cue} ({'; '.join(details)}): “{escape_markdown(claim.content.text)}”"


def render_markdown(article: Article) -> str:
    """The article's timeline, claims grouped by speaker, and actors as Markdown."""
    lookup = Lookup(article)
    source = article.source
    meta = [f"`{source.name.replace('`', '')}`"]
    if source.published:
        meta.append(f"published {source.published.isoformat()}")
    meta.append(
        f"{len(article.timeline)} events · {len(article.claims)} claims · {len(article.actors)} actors"
    )
    lines = [f"# {escape_markdown(title_of(article))}", "", " · ".join(meta), ""]
    for warning in article.warnings:
        lines.append(f"> **Warning:** {escape_markdown(warning)}")
        lines.append("")

    lines += ["## Timeline", ""]
    if article.timeline:
        lines += [_row("When", "Event", "Actors"), _row("---", "---", "---")]
        for event in article.timeline:  # the JSON order
            resolved, written = when_label(event, lookup)
            when = f"**{resolved}**" if resolved else "undated"
            if written:
                when += f" ({escape_markdown(written)})"
            actors = ", ".join(escape_markdown(n) for n in lookup.actor_names(event.actors))
            lines.append(_row(when, escape_markdown(event.summary), actors or "—"))
    else:
        lines.append("No events found.")
    lines.append("")

    lines += ["## Claims", ""]
    groups = group_claims(article, lookup)
    for group in groups:
        heading = escape_markdown(group.label)
        if group.actor is None and group.key != "none":
            heading += " (unresolved)"
        lines += [f"### {heading}", ""]
        lines += [_claim_line(claim, lookup) for claim in group.claims]
        lines.append("")
    if not groups:
        lines += ["No claims found.", ""]

    lines += ["## Actors", ""]
    if article.actors:
        lines += [_row("Actor", "Kind", "Also called", "Mentions"), _row("---", "---", "---", "---:")]
        for actor in sorted(article.actors, key=lambda a: (-len(a.mentions), a.name.casefold())):
            also = "; ".join(escape_markdown(x) for x in [*actor.aliases, *actor.descriptions])
            lines.append(_row(escape_markdown(actor.name), actor.kind, also or "—", str(len(actor.mentions))))
    else:
        lines.append("No actors found.")
    return "\n".join(lines).rstrip("\n") + "\n"
