"""The actors of an event: its subject (or possessor), objects and prepositional objects, resolved."""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.symbols import NOUN, PRON
from spacy.tokens import Doc, Token

from claimline.actors import ActorIndex
from claimline.events.vocabulary import AGENT, CONJ, OBJECT_DEPS, POBJ, POSS, PREP, SUBJECT_DEPS, ids

_NAME_PART_DEPS = ids("compound", "poss")
_THE = get_string_id("the")


def _actor_of(token: Token, actors: ActorIndex, doc: Doc, subject: bool = False) -> str | None:
    """The actor named by `token`'s phrase; a pronoun, or a subject "the group", resolved to a recent one."""
    name_parts = [c.left_edge.idx for c in token.lefts if c.dep in _NAME_PART_DEPS]
    start = min(name_parts, default=token.idx)
    end = token.idx + len(token.text)
    found = actors.actor_at(start, end)
    definite = subject and token.pos == NOUN and any(c.lower == _THE for c in token.lefts)
    if found is None and (token.pos == PRON or definite):
        from claimline.coref import resolve_speaker  # "he", "the group": the most recent compatible actor

        found = resolve_speaker(doc, token.left_edge.idx, end, actors)
    return found


def participants(trigger: Token, actors: ActorIndex, doc: Doc) -> list[str]:
    found: list[str] = []

    def add(token: Token, subject: bool = False) -> None:
        for part in (token, *token.conjuncts):
            actor = _actor_of(part, actors, doc, subject)
            if actor and actor not in found:
                found.append(actor)

    children = list(trigger.children)
    subjects = [c for c in children if c.dep in SUBJECT_DEPS or c.dep == POSS]
    if not subjects and trigger.dep == CONJ:
        subjects = [c for c in trigger.head.children if c.dep in SUBJECT_DEPS]
    for child in subjects:
        add(child, subject=True)
    for child in children:
        if child.dep in OBJECT_DEPS:
            add(child)
        elif child.dep in (PREP, AGENT):
            for pobj in child.children:
                if pobj.dep == POBJ:
                    add(pobj)
    return found
