"""Actors linked across articles: one `LinkedActor` per person or organisation under its variants.

Every per-article actor has a name key (case-folded words, without "the", a possessive or a
company suffix). Equal keys are one actor. Then these rules link different keys, in order; each
links only when exactly one candidate fits, so two people who share a surname stay apart unless an
article ties the surname to one of them:

1. `longer_name`: a name ending in a known multi-word name ("Apple CEO Steve Jobs") is that name.
2. `article_alias`: a name an article used for an actor ("Jobs" for "Steve Jobs") is that actor
   wherever it appears alone.
3. `surname`: a one-word name is the one person (after rule 1) with a multi-word name ending in it.
4. `acronym`: an all-capitals word is the one multi-word name it abbreviates ("GM", "General Motors").

Longer names are linked first, so that the variants of one person count once in rule 3.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimline.crossdoc.digest import ActorDigest
from claimline.lang.crossdoc import crossdoc_words
from claimline.models import ActorKind, ActorSource, LinkedActor

NameKey = tuple[str, ...]

_WORD = re.compile(r"[\w][\w.&'-]*")


def name_key(name: str) -> NameKey:
    """'The Apple Inc.' -> ('apple',); "Jobs's" -> ('jobs',)."""
    text = name.replace("’", "'").casefold()
    words = [w.strip(".'-") for w in _WORD.findall(text)]
    words = [w[:-2] if w.endswith("'s") else w for w in words if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    suffixes = set(crossdoc_words().company_suffixes)
    while len(words) > 1 and words[-1].replace(".", "") in suffixes:
        words.pop()
    return tuple(words)


@dataclass
class _Name:
    key: NameKey
    displays: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    sources: list[tuple[str, str]] = field(default_factory=list)  # (article id, actor id)
    aliases: Counter[str] = field(default_factory=Counter)  # other names the articles used for it
    acronym_like: bool = False


class ActorLinker:
    """Collects per-article actors (`add`), then links them (`link`) into `LinkedActor`s."""

    def __init__(self) -> None:
        self._names: dict[NameKey, _Name] = {}
        self._alias_owners: dict[NameKey, set[NameKey]] = defaultdict(set)
        self._parent: dict[NameKey, NameKey] = {}
        self._ids: dict[NameKey, str] = {}
        self._by_last: dict[str, list[NameKey]] = {}  # last word -> multi-word person names
        self._by_initials: dict[str, list[NameKey]] = {}  # initials -> multi-word names
        self.actors: list[LinkedActor] = []  # their `sources` are filled by `with_sources`, for those kept
        self.sources: dict[str, list[tuple[str, str]]] = {}  # linked actor id -> (article, actor id)

    def add(self, article: str, actor: ActorDigest) -> None:
        key = name_key(actor.name)
        if not key:
            return
        entry = self._names.get(key)
        if entry is None:
            entry = self._names[key] = _Name(key)
        entry.displays[actor.name] += max(actor.mentions, 1)
        entry.kinds[actor.kind] += max(actor.mentions, 1)
        entry.mentions += actor.mentions
        entry.sources.append((sys.intern(article), sys.intern(actor.id)))
        entry.acronym_like = entry.acronym_like or (actor.name.isupper() and len(key) == 1)
        for alias in actor.aliases:
            entry.aliases[alias] += 1
            alias_key = name_key(alias)
            if alias_key and alias_key != key:
                self._alias_owners[alias_key].add(key)

    # -- union-find over name keys

    def _root(self, key: NameKey) -> NameKey:
        while self._parent.get(key, key) != key:
            key = self._parent[key]
        return key

    def _union(self, key: NameKey, other: NameKey) -> None:
        a, b = self._root(key), self._root(other)
        if a != b:
            self._parent[a] = b

    # -- rules: each returns the one name key `key` should be linked to, or None

    def article_alias(self, key: NameKey) -> NameKey | None:
        owners = self._alias_owners.get(key, set())
        return next(iter(owners)) if len(owners) == 1 else None

    def surname(self, key: NameKey) -> NameKey | None:
        if len(key) != 1:
            return None
        found = {self._root(k) for k in self._by_last.get(key[0], [])}
        return next(iter(found)) if len(found) == 1 else None

    def longer_name(self, key: NameKey) -> NameKey | None:
        for size in range(len(key) - 1, 1, -1):
            if key[-size:] in self._names:
                return key[-size:]
        return None

    def acronym(self, key: NameKey, *, acronym_like: bool) -> NameKey | None:
        if len(key) != 1 or not acronym_like or len(key[0]) < 2:
            return None
        found = self._by_initials.get(key[0], [])
        return found[0] if len(found) == 1 else None

    def rules(self, key: NameKey, *, acronym_like: bool) -> Iterable[tuple[str, NameKey | None]]:
        yield "longer_name", self.longer_name(key)
        yield "article_alias", self.article_alias(key)
        yield "surname", self.surname(key)
        yield "acronym", self.acronym(key, acronym_like=acronym_like)

    def resolve(self, name: str) -> str | None:
        """The linked actor id a name (an `--actor` query) refers to, or None (after `link`)."""
        key = name_key(name)
        if key in self._ids:
            return self._ids[key]
        for _, target in self.rules(key, acronym_like=name.isupper()):
            if target is not None and target in self._ids:
                return self._ids[target]
        return None

    def link(self) -> dict[tuple[str, str], str]:
        """Link the names; returns (article id, per-article actor id) -> linked actor id."""
        for key, entry in self._names.items():
            if len(key) > 1:
                self._by_initials.setdefault("".join(w[0] for w in key), []).append(key)
                if entry.kinds.most_common(1)[0][0] == "person":
                    self._by_last.setdefault(key[-1], []).append(key)
        for key in sorted(self._names, key=len, reverse=True):
            entry = self._names[key]
            for _, target in self.rules(key, acronym_like=entry.acronym_like):
                if target is not None and target != key:
                    self._union(key, target)
                    break
        groups: dict[NameKey, list[_Name]] = defaultdict(list)
        for key, entry in self._names.items():
            groups[self._root(key)].append(entry)
        ordered = sorted(groups.values(), key=lambda g: -sum(e.mentions for e in g))
        mapping: dict[tuple[str, str], str] = {}
        for number, group in enumerate(ordered):
            actor = _linked_actor(f"A{number}", group)
            self.actors.append(actor)
            for entry in group:
                self._ids[entry.key] = actor.id
            sources = self.sources[actor.id] = [s for e in group for s in e.sources]
            for source in sources:
                mapping[source] = actor.id
        return mapping


def with_sources(actor: LinkedActor, sources: list[tuple[str, str]]) -> LinkedActor:
    actor.sources = [ActorSource(article=article, actor=actor_id) for article, actor_id in sources]
    return actor


def _linked_actor(actor_id: str, group: list[_Name]) -> LinkedActor:
    displays: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    aliases: Counter[str] = Counter()
    for entry in group:
        displays.update(entry.displays)
        kinds.update(entry.kinds)
        aliases.update(entry.aliases)
    kind: ActorKind = kinds.most_common(1)[0][0]  # type: ignore[assignment]
    # a person is named by the full name used most; anything else by its most used name
    full = [d for d, _ in displays.most_common() if len(name_key(d)) > 1] if kind == "person" else []
    name = full[0] if full else displays.most_common(1)[0][0]
    return LinkedActor(
        id=actor_id,
        name=name,
        kind=kind,
        aliases=sorted({d for d in [*displays, *aliases] if d != name}),
        mentions=sum(e.mentions for e in group),
    )
