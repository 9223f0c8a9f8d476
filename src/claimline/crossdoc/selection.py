"""Which actors get a chronology, and which events belong to an actor's chronology.

An event mention belongs to an actor's chronology when one of these rules says so:

1. `participant`: the article's event stage gave it the actor as a participant (subject, object,
   prepositional object, possessor: "the iPhone's launch") or, for a statement, as its speaker;
2. `named_in_summary`: the event's summary (its clause's words) names the actor.

Not a rule, on purpose: "the event's sentence names the actor". On the SemEval-2015 trial set it
adds a few events and many more that are not the actor's (temporal awareness F1 27.6 -> 22.1).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from claimline.crossdoc.digest import ArticleDigest, EventDigest, query_pattern
from claimline.models import LinkedActor

DEFAULT_ACTORS = 5
DEFAULT_KINDS = ("person", "organization", "group", "other")


@dataclass
class Target:
    """One actor to give a chronology: its linked actor and what names it."""

    actor: LinkedActor
    query: str | None
    names: re.Pattern[str] | None
    article_actors: dict[str, frozenset[str]]  # article -> its actor ids linked to this actor


def default_actors(actors: Sequence[LinkedActor], count: int = DEFAULT_ACTORS) -> list[LinkedActor]:
    """The most mentioned actors that are not places (places are settings, rarely the story)."""
    return [a for a in actors if a.kind in DEFAULT_KINDS][:count]


def make_target(actor: LinkedActor, query: str | None) -> Target:
    names = [actor.name, *actor.aliases] + ([query] if query else [])
    by_article: dict[str, set[str]] = {}
    for source in actor.sources:
        by_article.setdefault(source.article, set()).add(source.actor)
    return Target(
        actor=actor,
        query=query,
        names=query_pattern(names),
        article_actors={k: frozenset(v) for k, v in by_article.items()},
    )


MembershipRule = Callable[[EventDigest, Target, ArticleDigest], bool]


def participant(event: EventDigest, target: Target, article: ArticleDigest) -> bool:
    own = target.article_actors.get(article.id, frozenset())
    return any(a in own for a in event.actors)


def named_in_summary(event: EventDigest, target: Target, article: ArticleDigest) -> bool:
    return target.names is not None and target.names.search(event.summary) is not None


MEMBERSHIP_RULES: tuple[MembershipRule, ...] = (participant, named_in_summary)


def belongs(event: EventDigest, target: Target, article: ArticleDigest) -> bool:
    return any(rule(event, target, article) for rule in MEMBERSHIP_RULES)
