"""Summaries: the event's clause as a reader can take it in alone.

The trigger with its subject, objects and the phrases that complete them, without the clauses of
other events, the time expressions (shown apart) and the complementiser. A relative pronoun is replaced
by the noun it stands for ("that broke the agreement" -> "Israel broke the agreement"); a clause
without a subject of its own borrows its governor's. A summary cut at `MAX_SUMMARY_WORDS` or left with
a dangling preposition or article at its end loses the dangling words.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.symbols import DET, PART, PRON
from spacy.tokens import Token

from claimline.events.vocabulary import ADVMOD, CC, CONJ, PREP, SUBJECT_DEPS, ids
from claimline.lang.events import events_lang

MAX_SUMMARY_WORDS = 18
_SKIP_DEPS = ids(
    "mark", "punct", "discourse", "intj", "meta", "appos", "parataxis", "advcl", "ccomp", "relcl"
)
_CLAUSE_DEPS = ids("advcl", "ccomp", "relcl", "parataxis", "conj", "csubj", "acl", "xcomp", "pcomp")
_HYPHENS = ids("-", "‑")
_ACL = get_string_id("acl")
_PRONOUNS = frozenset({PRON, DET})
_RELATIVE_TAGS = ids("WDT", "WP", "WP$")
_RELATIVE_THAT = ids("that")
_ANTECEDENT_DEPS = ids("det", "poss", "compound", "amod", "nummod", "case")


def _inside_word(token: Token) -> bool:
    """A hyphen inside a word ("al-Haya") is kept whatever its label."""
    return token.orth in _HYPHENS and token.i > 0 and not token.whitespace_ and not token.nbor(-1).whitespace_


def _clause_tokens(trigger: Token, heads: set[int], time_tokens: set[int]) -> list[Token]:
    tokens = []
    stack = [trigger]
    while stack:
        token = stack.pop()
        tokens.append(token)
        children = list(token.children)
        coordinated_event = any(c.dep == CONJ and c.i in heads for c in children)
        for child in children:
            dep = child.dep
            if child.i in heads and dep in _CLAUSE_DEPS and not (dep == _ACL and token.pos in _PRONOUNS):
                continue  # another event's clause (but "those detained" stays whole)
            if dep in _SKIP_DEPS and not _inside_word(child):
                continue
            if dep == CC and coordinated_event:
                continue  # the "and" before a coordinated event of its own
            if dep == CONJ and child.i in heads:
                continue
            if child.i in time_tokens or (dep == PREP and _holds_time(child, time_tokens)):
                continue
            if dep == ADVMOD and child.i < trigger.i and child.head.i == trigger.i and child.pos != PART:
                continue
            stack.append(child)
    return tokens


def _holds_time(token: Token, time_tokens: set[int]) -> bool:
    """Whether a time expression starts inside the (contiguous) subtree of `token`."""
    first, last = token.left_edge.i, token.right_edge.i
    return (
        any(first <= i <= last for i in time_tokens)
        if len(time_tokens) < last - first
        else any(i in time_tokens for i in range(first, last + 1))
    )


def _antecedent(relative: Token) -> list[Token]:
    """The noun a relative pronoun stands for, with its determiners and modifiers ("the group")."""
    clause = relative.head
    if clause.dep_ == "relcl":
        noun = clause.head
    else:  # "it was Israel that broke ...": the cleft's focus is the copula's attribute
        attribute = [c for c in clause.head.children if c.dep_ == "attr"] if clause.dep_ == "ccomp" else []
        if not attribute:
            return []
        noun = attribute[0]
    return [t for t in noun.lefts if t.dep in _ANTECEDENT_DEPS] + [noun]


def _borrowed_subject(trigger: Token) -> list[Token]:
    """The governor's subject for a coordinated or participial clause without its own."""
    if any(c.dep in SUBJECT_DEPS for c in trigger.children):
        return []
    participle = trigger.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("aux", "auxpass") for c in trigger.children
    )
    if trigger.dep_ in ("conj", "xcomp") or (trigger.dep_ == "advcl" and participle):
        subjects = [c for c in trigger.head.children if c.dep in SUBJECT_DEPS]
        if subjects and subjects[0].i < trigger.i:
            return list(subjects[0].subtree)
    return []


def summarise(trigger: Token, heads: set[int], time_tokens: set[int], speaker: str | None = None) -> str:
    """The summary of the event `trigger` heads; `speaker` is the subject of a statement that has none
    of its own in the parse (the claims stage found who made it)."""
    tokens = {t.i: t for t in _clause_tokens(trigger, heads, time_tokens) if not t.is_space}
    words: list[tuple[int, str, bool]] = []  # (position, text, space after)
    has_subject = any(c.dep in SUBJECT_DEPS for c in trigger.children)
    if speaker and not has_subject:
        words.append((-1, speaker, True))
    else:
        for token in _borrowed_subject(trigger):
            tokens.setdefault(token.i, token)
    for index in sorted(tokens):
        token = tokens[index]
        is_relative = token.tag in _RELATIVE_TAGS or (
            token.lower in _RELATIVE_THAT and token.dep_ in ("nsubj", "nsubjpass", "dobj")
        )
        if is_relative and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            antecedent = _antecedent(token)
            if antecedent:
                text = " ".join(t.text for t in antecedent)
                words.append((index, text[0].upper() + text[1:] if not words else text, True))
                continue
        words.append((index, token.text, bool(token.whitespace_)))
    return _join(_trim(words))


def _trim(words: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    lang = events_lang()
    starts, ends = set(lang.summary_bad_starts), set(lang.summary_bad_ends)
    truncated = len(words) > MAX_SUMMARY_WORDS
    words = words[:MAX_SUMMARY_WORDS]
    while len(words) > 1 and words[0][1].lower() in starts:
        words = words[1:]
    while len(words) > 1 and (words[-1][1].lower() in ends or not any(ch.isalnum() for ch in words[-1][1])):
        words = words[:-1]
    if truncated:
        words.append((words[-1][0] + 1 if words else 0, "…", False))
    return words


def _join(words: list[tuple[int, str, bool]]) -> str:
    parts: list[str] = []
    for number, (index, text, space) in enumerate(words):
        parts.append(text)
        if number + 1 < len(words):
            following = words[number + 1][0]
            if following != index + 1 or space or text == "…" or words[number + 1][1] == "…":
                parts.append(" ")
    return " ".join("".join(parts).split())
