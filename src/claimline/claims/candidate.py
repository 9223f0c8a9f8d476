"""What every candidate finder shares: the candidate record, sentence bounds by token, span helpers."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimline.models import ClaimKind
from claimline.spans import CharSpan

_TRAILING = " \t\n,.;:—–-"


class SentenceBounds:
    """Sentence bounds of the parsed doc by token (``Token.sent`` rescans the doc on every call)."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.bounds: list[tuple[int, int, int]] = []
        for sent in doc.sents:
            self.starts.append(sent.start)
            self.bounds.append((sent.start_char, sent.end_char, sent.end))

    def of(self, token: Token) -> tuple[int, int, int]:
        """(start char, end char, end token) of the sentence of `token`."""
        return self.bounds[bisect_right(self.starts, token.i) - 1]


@dataclass
class Candidate:
    """A claim before resolution: character spans of its parts; `priority` breaks ties in dedup."""

    cue: CharSpan | None
    cue_lemma: str
    content: CharSpan
    speaker: CharSpan | None
    kind: ClaimKind
    anchor: Token | None  # the cue token, for clause-level lookups (time)
    via: list[CharSpan] = field(default_factory=list)
    priority: int = 0
    rule: str = ""  # the named rule that found it (for debugging; not in the output)


def span_chars(tokens: Iterable[Token]) -> CharSpan:
    """Character span from the first of `tokens` to the end of the last."""
    items = list(tokens)
    return CharSpan(items[0].idx, items[-1].idx + len(items[-1].text))


def subtree_chars(token: Token) -> CharSpan:
    """Character span of `token` and everything under it (its left to its right edge)."""
    return CharSpan(token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text))


def trim(text: str, start: int, end: int) -> CharSpan:
    """Strip whitespace and unquoted trailing punctuation; keep a closing quote and what it holds."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
        end -= 1
    for conjunction in _TRAILING_CONJUNCTIONS:
        # a clause cut before the next conjunct: "that the firm holds billions, and [the report says]"
        if text.endswith(conjunction, start, end) and end - len(conjunction) > start:
            return trim(text, start, end - len(conjunction))
    return CharSpan(start, end)


_TRAILING_CONJUNCTIONS = (" and", " but", " or", ",and")


def token_at_or_after(doc: Doc, char: int) -> int:
    """Index of the first token that ends after `char` (the token holding `char`, or the next)."""
    return bisect_right(doc, char, key=lambda token: token.idx + len(token.text))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Do two spans share a character?"""
    return a[0] < b[1] and b[0] < a[1]
