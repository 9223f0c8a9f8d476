"""Hand-made article results for the cross-article tests (no model needed)."""

from __future__ import annotations

from datetime import date

from claimline.models import (
    Actor,
    Article,
    Claim,
    Content,
    Cue,
    Event,
    Generator,
    Mention,
    Sentence,
    Source,
    Speaker,
    TimeExpression,
    Trigger,
)

EventSpec = tuple[str, str, list[str], tuple[date, date] | None]  # trigger, lemma, actor names, dates


def make_article(
    aid: str,
    published: date | None,
    text: str,
    actors: dict[str, tuple[str, list[str]]],  # name -> (kind, surfaces)
    events: list[EventSpec] = (),  # type: ignore[assignment]
    claims: list[tuple[str, str, str, str]] = (),  # type: ignore[assignment]  # speaker, cue, lemma, content
    aliases: dict[str, list[str]] | None = None,
) -> Article:
    """One article whose whole text is one sentence; offsets found by searching `text`."""

    def span(piece: str, after: int = 0) -> tuple[int, int]:
        start = text.index(piece, after)
        return start, start + len(piece)

    actor_models = []
    actor_ids: dict[str, str] = {}
    for number, (name, (kind, surfaces)) in enumerate(actors.items()):
        actor_ids[name] = f"a{number}"
        mentions = []
        for surface in surfaces:
            start, end = span(surface)
            mentions.append(Mention(start=start, end=end, text=surface, sentence="s0"))
        actor_models.append(
            Actor(
                id=f"a{number}",
                name=name,
                kind=kind,  # type: ignore[arg-type]
                aliases=(aliases or {}).get(name, []),
                mentions=mentions,
            )
        )
    times = []
    event_models = []
    for number, (trigger, lemma, names, dates) in enumerate(events):
        start, end = span(trigger)
        time_id = None
        if dates is not None:
            time_id = f"t{number}"
            times.append(
                TimeExpression(
                    id=time_id,
                    start=0,
                    end=1,
                    text=text[0],
                    type="DATE",
                    value=dates[0].isoformat(),
                    earliest=dates[0],
                    latest=dates[1],
                    sentence="s0",
                )
            )
        event_models.append(
            Event(
                id=f"e{number}",
                trigger=Trigger(start=start, end=end, text=trigger, lemma=lemma),
                summary=text[max(0, start - 30) : end + 30],
                actors=[actor_ids[n] for n in names],
                time=time_id,
                earliest=dates[0] if dates else None,
                latest=dates[1] if dates else None,
                sentence="s0",
            )
        )
    claim_models = []
    for number, (speaker, cue, lemma, content) in enumerate(claims):
        s_start, s_end = span(speaker)
        c_start, c_end = span(cue)
        q_start, q_end = span(content)
        owner = next((actor_ids[n] for n, (_, surfaces) in actors.items() if speaker in surfaces), None)
        claim_models.append(
            Claim(
                id=f"c{number}",
                speaker=Speaker(start=s_start, end=s_end, text=speaker, actor=owner),
                cue=Cue(start=c_start, end=c_end, text=cue, lemma=lemma),
                content=Content(start=q_start, end=q_end, text=content),
                kind="direct",
                sentence="s0",
            )
        )
    return Article(
        id=aid,
        source=Source(name=f"{aid}.txt", sha256="0" * 64, chars=len(text), published=published),
        generator=Generator(version="test", model="none", model_version="0"),
        sentences=[Sentence(id="s0", start=0, end=len(text), text=text, paragraph=0)],
        actors=actor_models,
        times=times,
        timeline=event_models,
        claims=claim_models,
    )
