"""Look-alikes: spans that read as a time but are none here (a title, an age, a march, a fraction),
and the words that can carry time at all."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimline.temporal.vocabulary import LEXICAL, MONTHS, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS


def _temporal_word(word: str) -> bool:
    """A word that can carry time: a unit, month, weekday, season, clock time or year."""
    return (
        word.rstrip("s") in UNITS
        or word.rstrip(".") in MONTHS
        or word in WEEKDAYS
        or word in SEASONS
        or word in PARTS_OF_DAY
        or word in LEXICAL
        or re.fullmatch(r"(?:1[5-9]|20)\d\ds?|'\d0s|\d{1,2}:\d\d|[ap]\.m\.?|noon|midnight|ago|fiscal", word)
        is not None
    )


def _indefinite(doc: Doc, span: Span) -> bool:
    """An indefinite noun phrase: "a weak second quarter" (not "a [third-quarter] loss")."""
    if span.root.dep_ in ("compound", "amod", "nmod", "poss") and not (
        span.start <= span.root.head.i < span.end
    ):
        return False
    start = span.start
    i = start
    while i >= 0 and i > start - 3:
        if doc[i].lower_ in ("a", "an"):
            return True
        if i < start and doc[i].pos_ != "ADJ":
            return False
        i -= 1
    return False


_OPEN_QUOTES = {'"', "``", "\u201c", "'", "`", "''"}
_CLOSE_QUOTES = {'"', "''", "\u201d", "'"}


def _is_title(doc: Doc, s: int, e: int) -> bool:
    """A quoted, capitalised name such as a programme called "Good Morning": no time."""
    if s == 0 or e >= len(doc) or doc[s - 1].text not in _OPEN_QUOTES:
        return False
    after = doc[e].text if doc[e].text not in (",", ".") or e + 1 >= len(doc) else doc[e + 1].text
    if doc[e].text not in _CLOSE_QUOTES and after not in _CLOSE_QUOTES:
        return False
    words = [t for t in doc[s:e] if t.is_alpha]
    return bool(words) and all(t.text[0].isupper() for t in words) and e - s > 1


def _not_a_time(doc: Doc, s: int, e: int) -> bool:
    """Words that only look temporal here: "the annual March for Peace" (a march), "more than a
    quarter of the shares" (a fraction)."""
    last = doc[e - 1].lower_
    following = doc[e].lower_ if e < len(doc) else ""
    if (
        e - s == 1
        and doc[s].text == "Today"
        and s > 0
        and not doc[s].is_sent_start
        and doc[s - 1].pos_ == "PROPN"
        and doc[s - 1].text[:1].isupper()
    ):
        return True  # "USA Today": a name
    if (
        e - s == 1
        and last in ("march", "may")
        and following in ("for", "against", "on", "to")
        and s > 0
        and doc[s - 1].pos_ in ("DET", "ADJ")
    ):
        return True
    if last in ("quarter", "quarters") and following == "of" and e + 1 < len(doc):
        nxt = doc[e + 1]
        counted = any(t.lower_ in ("a", "an", "one", "two", "three") for t in doc[s : e - 1])
        of_time = nxt.like_num or any(
            _temporal_word(t.lower_) or t.lower_ == "fiscal" for t in doc[e + 1 : min(len(doc), e + 4)]
        )
        return counted and not of_time
    return False


def _is_age_decade(doc: Doc, s: int, e: int) -> bool:
    """ "in her 40s", "their late forties": an age, not a decade."""
    i = s - 1
    while i >= 0 and doc[i].lower_ in ("early", "mid", "late", "mid-"):
        i -= 1
    return (
        i >= 0
        and doc[i].lower_ in ("his", "her", "their", "my", "our", "your")
        and re.fullmatch(r"(?:early|mid-?|late|\s)*(?:\d0'?s|\w+ties)", doc[s:e].text.lower()) is not None
    )
