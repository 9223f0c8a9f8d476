"""Which actors get a chronology, and which events belong to an actor's chronology.

An event mention belongs to an actor's chronology when one of these rules says so:

1. `participant`: the article's event stage gave it the actor as a participant (subject, object,
   prepositional object, possessor: "the iPhone's launch") or, for a statement, as its speaker;
2. `named_in_summary`: the event's summary (its clause's words) names the actor.

Not a rule, on purpose: "the event's sentence names the actor". On the SemEval-2015 trial set it
adds a few events and many more that are not the actor's (temporal awareness F1 27.6 -> 22.1).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from claimline.crossdoc.digest import ArticleDigest, EventDigest, query_pattern
from claimline.models import LinkedActor

DEFAULT_ACTORS = 5
DEFAULT_KINDS = ("person", "organization", "group", "other")


@dataclass
class Target:
    """One actor to give a chronology: its linked actor, its names, and its per-article actors."""

    actor: LinkedActor
    names: list[str]
    sources: list[tuple[str, str]]  # (article id, actor id in that article)


def default_actors(actors: Sequence[LinkedActor], count: int = DEFAULT_ACTORS) -> list[LinkedActor]:
    """The most mentioned actors that are not places (places are settings, rarely the story)."""
    return [a for a in actors if a.kind in DEFAULT_KINDS][:count]


def make_target(actor: LinkedActor, query: str | None, sources: list[tuple[str, str]]) -> Target:
    return Target(
        actor=actor, names=[actor.name, *actor.aliases, *([query] if query else [])], sources=sources
    )


class Targets:
    """The chosen actors, indexed so that each event is tested once against all of them."""

    def __init__(self, targets: Sequence[Target]) -> None:
        self.targets = list(targets)
        self.ids = {t.actor.id for t in targets}
        self.by_source: dict[tuple[str, str], set[str]] = {}
        self.by_name: dict[str, set[str]] = {}
        for target in targets:
            for source in target.sources:
                self.by_source.setdefault(source, set()).add(target.actor.id)
            for name in target.names:
                self.by_name.setdefault(name.casefold(), set()).add(target.actor.id)
        self.names = query_pattern([n for t in targets for n in t.names])


MembershipRule = Callable[[EventDigest, ArticleDigest, Targets], set[str]]


def participant(event: EventDigest, article: ArticleDigest, targets: Targets) -> set[str]:
    found: set[str] = set()
    for actor in event.actors:
        found |= targets.by_source.get((article.id, actor), set())
    return found


def named_in_summary(event: EventDigest, article: ArticleDigest, targets: Targets) -> set[str]:
    if targets.names is None:
        return set()
    return {
        t for name in targets.names.findall(event.summary) for t in targets.by_name.get(name.casefold(), ())
    }


MEMBERSHIP_RULES: tuple[MembershipRule, ...] = (participant, named_in_summary)


def members(event: EventDigest, article: ArticleDigest, targets: Targets) -> set[str]:
    """The ids of the chosen actors whose chronology the event belongs to."""
    found: set[str] = set()
    for rule in MEMBERSHIP_RULES:
        found |= rule(event, article, targets)
    return found
