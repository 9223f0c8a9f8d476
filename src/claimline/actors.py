"""Actor stage: named entities grouped into canonical actors.

"Bassem Na'im" and a later "Na'im" are one actor (a surname refers back to the most
recent full name); "US" joins "the United States" (initials); the kind is decided by
evidence over all mentions, not by the label of one (the small model often labels an
unfamiliar person name GPE or ORG).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimline.lang.people import people
from claimline.models import Actor, ActorKind, Mention
from claimline.sentences import SentenceIndex, doc_text

LABEL_KINDS: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}

_PEOPLE = people()
# Heads of appositives and descriptions that only fit a person.
PERSON_NOUNS = frozenset(_PEOPLE.nouns.person)
# Heads of "the X of <name>" that make <name> a place.
PLACE_NOUNS = frozenset(_PEOPLE.nouns.place)
# Titles stripped from names before matching ("President Trump" and "Trump").
TITLES = frozenset(_PEOPLE.names.titles)
COMPANY_SUFFIX = re.compile(r",?\s+(" + "|".join(map(re.escape, _PEOPLE.names.company_suffixes)) + r")$")
CONNECTIVES = frozenset(_PEOPLE.names.connectives)
# Well-known equivalent names that neither surname nor initials reveal.
ALIASES = _PEOPLE.names.aliases

# No entity name is longer than this; it bounds the backward look of an overlap query.
MAX_MENTION_CHARS = 1000

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_POSSESSIVE = re.compile(r"['’]s?$")


def normalise_name(text: str) -> str:
    """Comparison key: straight apostrophes, no dots, single spaces, case-folded."""
    key = text.translate(_APOSTROPHES).replace(".", "")
    return " ".join(key.split()).casefold()


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.casefold() not in CONNECTIVES]
    return "".join(w[0] for w in words).casefold()


def _is_acronym(text: str) -> bool:
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper()


@dataclass
class _MentionCandidate:
    span: Span  # trimmed entity span
    label: str
    key: str  # normalised name without titles
    words: list[str]


@dataclass
class _Cluster:
    # Names are clustered longest first, so the first mention is the fullest form of the name.
    mentions: list[_MentionCandidate] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)

    @property
    def longest(self) -> _MentionCandidate:
        return max(self.mentions, key=lambda m: (len(m.words), -m.span.start_char))


class ActorIndex:
    """The actors of one document and a lookup from character spans to actor ids."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = actors
        self._by_id = {actor.id: actor for actor in actors}
        located = sorted(
            (mention.start, mention.end, actor.id) for actor in actors for mention in actor.mentions
        )
        self._mentions = located
        self._starts = [start for start, _, _ in located]

    def get(self, actor_id: str) -> Actor:
        return self._by_id[actor_id]

    def actor_at(self, start: int, end: int) -> str | None:
        """The actor with a mention overlapping characters [start, end), the first such."""
        i = bisect_left(self._starts, start)
        # a mention starting before `start` may still overlap it
        if i > 0 and self._mentions[i - 1][1] > start:
            return self._mentions[i - 1][2]
        if i < len(self._mentions) and self._mentions[i][0] < end:
            return self._mentions[i][2]
        return None

    def recent_mentions(self, char: int) -> Iterator[tuple[int, int, str]]:
        """Mentions ending at or before `char`, nearest first (lazily: callers stop early)."""
        for i in range(bisect_left(self._starts, char) - 1, -1, -1):
            if self._mentions[i][1] <= char:
                yield self._mentions[i]

    def mentions_overlapping(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Mentions overlapping characters [start, end), in text order."""
        i = bisect_left(self._starts, start)
        # mentions are short: one starting before `start` can overlap it only from close by
        while i > 0 and self._mentions[i - 1][0] >= start - MAX_MENTION_CHARS:
            i -= 1
        found: list[tuple[int, int, str]] = []
        while i < len(self._mentions) and self._mentions[i][0] < end:
            if self._mentions[i][1] > start:
                found.append(self._mentions[i])
            i += 1
        return found


def _trim(ent: Span) -> Span | None:
    """Drop a leading determiner/title-less "the", trailing possessives and punctuation."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _name_words(span: Span) -> list[str]:
    """The name's words: leading titles dropped, a trailing possessive cut, hyphenated parts kept whole."""
    tokens = list(span)
    while len(tokens) > 1 and normalise_name(tokens[0].text) in TITLES:
        tokens = tokens[1:]
    text = span.doc[tokens[0].i : tokens[-1].i + 1].text
    text = _POSSESSIVE.sub("", text) if len(text) > 2 else text
    return text.split()


def _candidates(doc: Doc, body_start: int) -> list[_MentionCandidate]:
    found: list[_MentionCandidate] = []
    for ent in doc.ents:
        if ent.label_ not in LABEL_KINDS or ent.start_char < body_start:
            continue
        span = _trim(ent)
        if span is None or not (span.text[0].isupper() or span.text[0].isdigit()):
            continue
        # "an American plan": a nationality used as an adjective is not an actor
        if ent.label_ == "NORP" and span.root.dep_ in ("amod", "compound") and span.root.head.pos_ == "NOUN":
            continue
        words = _name_words(span)
        key = normalise_name(" ".join(words))
        # "Silicon Forge Inc." and "Silicon Forge" are one company
        key = re.sub(COMPANY_SUFFIX, "", key) or key
        if not key:
            continue
        found.append(_MentionCandidate(span=span, label=ent.label_, key=ALIASES.get(key, key), words=words))
    return found


def _reference_keys(full: _MentionCandidate) -> list[str]:
    """The keys under which shorter mentions may refer to a full name."""
    words = [normalise_name(w) for w in full.words]
    if len(words) < 2:
        return []
    keys = [
        f"last:{words[-1]}",
        f"last:{words[-1].split('-')[-1]}",
        f"initials:{initials(' '.join(full.words))}",
    ]
    if full.label == "PERSON":
        keys.append(f"first:{words[0]}")  # a bare first name refers to a person named in full
    return keys


def _lookup_keys(short: _MentionCandidate) -> list[str]:
    keys = [f"name:{short.key}"]
    if _is_acronym(short.span.text):
        keys.append(f"initials:{short.key.replace(' ', '')}")
    elif len(short.words) == 1:
        keys += [f"last:{short.key}", f"first:{short.key}"]
    return keys


def _cluster(candidates: list[_MentionCandidate]) -> list[_Cluster]:
    """Group mentions: same name; a surname, first name or initials of a longer name."""
    clusters: list[_Cluster] = []
    index: dict[str, list[int]] = {}
    # Longer names first so that a short name finds the full one even when it comes first.
    for candidate in sorted(candidates, key=lambda c: (-len(c.words), c.span.start_char)):
        matches: list[int] = []
        for key in _lookup_keys(candidate):
            for number in index.get(key, []):
                if number not in matches and (
                    key.startswith("name:") or len(clusters[number].longest.words) > len(candidate.words)
                ):
                    matches.append(number)
        if not matches:
            clusters.append(_Cluster(mentions=[candidate]))
            number = len(clusters) - 1
            for key in [f"name:{candidate.key}", *_reference_keys(candidate)]:
                index.setdefault(key, []).append(number)
            continue
        if len(matches) > 1:
            # several people share the name: take the one mentioned most recently before it
            matches.sort(key=lambda c: _distance_before(clusters[c], candidate))
        clusters[matches[0]].mentions.append(candidate)
        name_key = f"name:{candidate.key}"
        if matches[0] not in index.setdefault(name_key, []):
            index[name_key].append(matches[0])
    return clusters


def _distance_before(cluster: _Cluster, candidate: _MentionCandidate) -> int:
    """Characters from the cluster's nearest earlier mention to `candidate` (large if none)."""
    position = candidate.span.start_char
    starts = [m.span.start_char for m in cluster.mentions if m.span.start_char < position]
    return position - max(starts) if starts else 10**9


def _descriptions(span: Span) -> list[str]:
    """Appositive descriptions: "Khalil al-Haya, a senior official from Hamas" and the reverse order."""
    root = span.root
    found: list[str] = []
    for child in root.children:
        if child.dep_ == "appos" and not child.ent_type_:
            found.append(_phrase(child, exclude=None))
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and not root.head.ent_type_:
        found.append(_phrase(root.head, exclude=root))
    return [d for d in found if d]


def _phrase(head: Token, exclude: Token | None) -> str:
    """The noun phrase of `head` (its subtree), without the `exclude` subtree and edge punctuation."""
    excluded = {t.i for t in exclude.subtree} if exclude is not None else set()
    tokens = [
        t
        for t in head.subtree
        if t.i not in excluded
        and not (exclude is not None and t.head.i == head.i and t.dep_ in ("appos",))
        and not t.is_space
    ]
    # keep the contiguous run around the head: the subtree of a head can reach across commas
    if not tokens:
        return ""
    text = doc_text(head.doc)
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    if exclude is not None and exclude.left_edge.idx > head.idx:
        end = min(end, exclude.left_edge.idx)
    phrase = text[start:end].strip(" ,;:—–-\n\t")
    return " ".join(phrase.split())


def _person_evidence(cluster: _Cluster) -> int:
    score = 0
    for mention in cluster.mentions:
        if mention.label == "PERSON":
            score += 2
    longest = cluster.longest
    by_surname = len(longest.words) > 1 and any(
        len(m.words) == 1 for m in cluster.mentions if m is not longest
    )
    if by_surname and not any(_is_acronym(m.span.text) for m in cluster.mentions):
        score += 2  # referred to by a single name, a habit of person names
    for description in cluster.descriptions:
        words = [w.casefold() for w in re.findall(r"[A-Za-z\-]+", description)]
        if words and (set(words[:4]) & PERSON_NOUNS):
            score += 3
    return score


def _place_context(span: Span) -> int:
    """Syntax that names a place: 2 for "the port of Rotterdam", 1 for "in Oslo", else 0."""
    root = span.root
    if root.dep_ != "pobj":
        return 0
    preposition = root.head
    if preposition.lower_ == "of" and preposition.head.lemma_.lower() in PLACE_NOUNS:
        return 2
    return int(preposition.lower_ in ("in", "near", "outside", "inside", "across", "throughout"))


def _kind(cluster: _Cluster) -> ActorKind:
    votes: Counter[ActorKind] = Counter(LABEL_KINDS[m.label] for m in cluster.mentions)
    # "the city of X" outweighs any label; "in X" only a person label (organisations are "in" things)
    place = sum(
        2 * context if m.label == "PERSON" else 2 * (context == 2)
        for m in cluster.mentions
        for context in (_place_context(m.span),)
    )
    votes["place"] += place
    person = _person_evidence(cluster) - place
    others = max((n for kind, n in votes.items() if kind != "person"), default=0)
    if person >= 3 or (person > 0 and person >= others):
        return "person"
    votes.pop("person", None)
    if not votes:
        return "person" if person else "other"
    return votes.most_common(1)[0][0]


def extract_actors(doc: Doc, sentences: SentenceIndex) -> ActorIndex:
    """Actors of `doc` from its named entities (body only: headline NER on title case is unreliable)."""
    body_start = sentences.sentences[0].start if len(sentences) else len(doc_text(doc))
    candidates = _candidates(doc, body_start)
    clusters = _cluster(candidates)
    names = {id(cluster): " ".join(cluster.longest.words) for cluster in clusters}
    for cluster in clusters:
        for mention in cluster.mentions:
            for description in _descriptions(mention.span):
                if description not in cluster.descriptions:
                    cluster.descriptions.append(description)
        cluster.mentions.sort(key=lambda m: m.span.start_char)
    clusters.sort(key=lambda c: c.mentions[0].span.start_char)

    actors: list[Actor] = []
    for number, cluster in enumerate(clusters):
        name = names[id(cluster)]
        aliases = _unique(
            " ".join(m.words)
            for m in cluster.mentions
            if normalise_name(" ".join(m.words)) != normalise_name(name)
        )
        actors.append(
            Actor(
                id=f"a{number}",
                name=name,
                kind=_kind(cluster),
                aliases=aliases,
                descriptions=cluster.descriptions,
                mentions=[
                    Mention(
                        start=m.span.start_char,
                        end=m.span.end_char,
                        text=m.span.text,
                        sentence=sentences.id_at(m.span.start_char),
                    )
                    for m in cluster.mentions
                ],
            )
        )
    return ActorIndex(actors)


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
