"""Extents: where a candidate expression starts and ends (TimeML: prepositions and focus words
out, determiners and modifiers in), where a span is split in two, and which spans are no time."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimline.spans import TokenSpan
from claimline.temporal.normalisation import normalise
from claimline.temporal.vocabulary import EXTENT, UNITS, WEEKDAYS

_AGE = re.compile(r"(?:\d+|\b[a-z]+)[\s-]*(?:-?year|-?month|-?week|-?day)s?[\s-]*old\b|\bage[sd]?\b", re.I)
_LEADING_DROP = frozenset(EXTENT.leading_drop)
_TRAILING_DROP = frozenset(EXTENT.trailing_drop)
_KEEP_APPROX = frozenset(EXTENT.keep_approx)


def _accept(text: str) -> bool:
    t = text.strip().lower()
    if not t or _AGE.search(t):
        return False
    if re.fullmatch(r"[\d.,/-]+", t):
        return re.fullmatch(r"1[0-9]\d\d|20\d\d|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}", t) is not None
    if re.fullmatch(r"(?:the\s+)?(?:morning|afternoon|evening|night)s?", t):
        return t.startswith("the")
    return True


_CONNECTORS = frozenset(EXTENT.connectors)
_DETERMINERS = frozenset(EXTENT.determiners)
_SOLO_DROP_LEFT = frozenset(EXTENT.solo_drop_left)
_EXTEND_LEFT = frozenset(EXTENT.extend_left)
_APPROX_WORDS = frozenset(EXTENT.approx)
_EXTEND_LEFT_PAIRS = frozenset(EXTENT.extend_left_pairs)


def _understood(doc: Doc, s: int, e: int) -> TokenSpan:
    """If the span cannot be normalised, the largest sub-span (trimming a few edge tokens) that can."""
    if normalise(doc[s:e].text, None) is not None:
        return TokenSpan(s, e)
    for trim in range(1, min(4, e - s)):
        for left in range(trim + 1):
            ns, ne = s + left, e - (trim - left)
            if ne - ns == 1 and doc[ns].lower_ in UNITS:
                continue  # a bare unit word left over from "the eighth day" is no expression
            if ns < ne and normalise(doc[ns:ne].text, None) is not None:
                return TokenSpan(ns, ne)
    return TokenSpan(s, e)


def _is_point(doc: Doc, s: int, e: int) -> bool:
    if s >= e:
        return False
    r = normalise(doc[s:e].text, None)
    return r is not None and r.type in ("DATE", "TIME") and not r.value.endswith("_REF")


def _split(doc: Doc, s: int, e: int) -> list[TokenSpan]:
    """Split "the quarter ended Sept. 30", "between 1994 and 1997", "the first nine months of 1997"."""
    while (
        s < e
        and doc[s].lower_ in _LEADING_DROP
        and not (s + 1 < e and (doc[s].lower_, doc[s + 1].lower_) in _EXTEND_LEFT_PAIRS)
    ):
        s += 1
    for i in range(s + 1, e - 1):
        low = doc[i].lower_
        if low in ("-", "\u2013") and not doc[i - 1].whitespace_:
            continue  # an infix hyphen: "year-earlier", "1994-95"
        if low in _CONNECTORS:
            left_ok = _is_point(doc, s, i) or normalise(doc[s:i].text, None) is not None
            if left_ok and _is_point(doc, i + 1, e):
                return [*_split(doc, s, i), *_split(doc, i + 1, e)]
        if low == "of":
            left = normalise(doc[s:i].text, None)
            if (
                left is not None
                and left.type == "DURATION"
                and normalise(doc[s:e].text, None) is None
                and normalise(doc[i + 1 : e].text, None) is not None
            ):
                return [TokenSpan(s, i), *_split(doc, i + 1, e)]
    return [TokenSpan(s, e)]


def _trimmed(doc: Doc, s: int, e: int) -> TokenSpan | None:
    """Prepositions and focus words off the start, punctuation and conjunctions off the end."""
    while (
        s < e
        and not (s + 1 < e and (doc[s].lower_, doc[s + 1].lower_) in _EXTEND_LEFT_PAIRS)
        and (
            doc[s].lower_ in _LEADING_DROP
            or doc[s].lower_ in _SOLO_DROP_LEFT
            or doc[s].is_space
            or (
                doc[s].lower_ in ("over", "within", "under", "throughout")
                and s + 1 < e
                and doc[s + 1].lower_ in _DETERMINERS
            )
        )
    ):
        if (
            doc[s].lower_ in _KEEP_APPROX
            and e - s > 1
            and (s < doc[s].head.i < e or any(t.head.i == s for t in doc[s + 1 : e]))
        ):
            break  # "around 5 p.m.", not "work around [Wednesday]'s decision"
        s += 1
    while e > s and (
        doc[e - 1].lower_ in _TRAILING_DROP
        or doc[e - 1].is_space
        or (doc[e - 1].is_punct and doc[e - 1].text != ".")
    ):
        e -= 1
    return TokenSpan(s, e) if s < e else None


# "the night of", "the end of", "the week of": heads of an expression continued by "of"
_OF_HEADS = (
    "night",
    "morning",
    "evening",
    "afternoon",
    "hours",
    "end",
    "beginning",
    "start",
    "middle",
    "week",
    "weekend",
)


def _extended_left(doc: Doc, s: int, e: int) -> int:
    """The start grown over TimeML modifiers and determiners ("early", "the", "the end of")."""
    while s > 0:
        low = doc[s - 1].lower_
        first = doc[s].lower_
        if (
            low in _EXTEND_LEFT
            and first not in ("the", "a", "an")
            and (
                low not in _APPROX_WORDS
                or s <= doc[s - 1].head.i < e
                or any(t.head.i == s - 1 for t in doc[s:e])
            )
            and not (low in ("the",) and first in _EXTEND_LEFT and first in ("this", "last", "next"))
        ):
            s -= 1
            continue
        if s >= 2 and (doc[s - 2].lower_, low) in _EXTEND_LEFT_PAIRS:
            s -= 2
            continue
        if low == "of" and s >= 2 and doc[s - 2].lower_ in _OF_HEADS:
            s -= 2
            continue
        if low in ("end", "beginning", "start", "middle") and doc[s].lower_ == "of":
            s -= 1
            continue
        if low == "then" and first in ("current", "-"):
            s -= 1  # "the then current price": the time then, a past one
            continue
        break
    return s


def _without_comparison(doc: Doc, s: int, e: int) -> int:
    """The start past "as early as" and past "earlier" before a weekday."""
    # "as early as next week": the comparison is not part of the expression
    while (
        e - s > 2
        and doc[s].lower_ in ("early", "late", "soon", "long", "recently")
        and doc[s + 1].lower_ == "as"
    ):
        s += 2
    # "earlier Friday", "late Monday": TimeML leaves these adverbs out before a weekday
    while (
        e - s > 1 and doc[s].lower_ in ("earlier", "later", "early", "late") and doc[s + 1].lower_ in WEEKDAYS
    ):
        s += 1
    return s


def _without_premodifier_determiner(doc: Doc, s: int, e: int) -> int:
    """A time used as a premodifier ("the [third-quarter] loss", "the [Aug. 7] bombings") keeps no
    determiner, nor does a bare plural unit ("the [years]")."""
    if doc[s].lower_ not in ("the", "a", "an", "its", "their") or e - s <= 1:
        return s
    head = doc[e - 1]
    inner = [t for t in doc[s + 1 : e] if not (s + 1 <= t.head.i < e)]
    root = inner[0] if inner else doc[s:e].root
    if (
        root.dep_ in ("compound", "amod", "nmod", "nummod")
        and root.head.i >= e
        and root.head.pos_ in ("NOUN", "PROPN")
    ) or (head.lower_ in ("days", "weeks", "months", "years", "decades", "hours", "minutes") and e - s == 2):
        return s + 1
    return s


def _extended_right(doc: Doc, s: int, e: int) -> TokenSpan:
    """ "two years [ago]", "the [1988] period", "the year-earlier [period]"."""
    n = len(doc)
    if e < n and doc[e].lower_ in ("ago",) and e - s >= 1:
        e += 1
    if (
        e - s == 1
        and s > 0
        and e < n
        and re.fullmatch(r"1[5-9]\d\d|20\d\d", doc[s].text)
        and doc[e].lower_ in ("period", "quarter")
        and doc[s - 1].lower_ in ("the", "that")
    ):
        s, e = s - 1, e + 1  # "the 1988 period": the period under discussion, in 1988
    if (
        e < n
        and doc[e].lower_ == "period"
        and doc[e - 1].lower_ in ("year-earlier", "year-ago", "earlier", "ago")
    ):
        e += 1
    return TokenSpan(s, e)


def _adjust(doc: Doc, s: int, e: int) -> TokenSpan | None:
    """TimeML extent: drop prepositions and focus words, keep determiners and modifiers."""
    trimmed = _trimmed(doc, s, e)
    if trimmed is None:
        return None
    s, e = trimmed
    s = _extended_left(doc, s, e)
    s = _without_comparison(doc, s, e)
    s = _without_premodifier_determiner(doc, s, e)
    s, e = _extended_right(doc, s, e)
    return TokenSpan(s, e) if s < e else None
