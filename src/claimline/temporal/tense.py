"""Tense and aspect of the clause that governs an expression, and the direction (past, future or
nearest) in which a bare date is resolved."""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Doc, Span, Token

from claimline.temporal.vocabulary import _MONTH_RE, _POD_RE, _WEEKDAY_RE, DIRECTION, Tense


def clause_tense(span: Span) -> Tense | None:
    """Tense of the verb that governs `span`: PAST, FUTURE, PRESENT, or None if there is none."""
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod",):
            break
        if tok.head is tok:
            return None
        tok = tok.head
    else:
        return None
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    for _ in range(4):
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        lowers = {a.lower_ for a in auxes}
        if lowers & {"will", "'ll", "shall", "wo", "ll"}:
            return "FUTURE"
        if any(a.lower_ == "going" for a in auxes) or (
            tok.lower_ == "going" and any(c.lower_ == "to" for c in tok.children)
        ):
            return "FUTURE"
        if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "PAST"
        if tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
            return "PAST"
        if tok.tag_ == "VB" and "to" in lowers:
            head = tok.head
            if head is tok or head.pos_ not in ("VERB", "AUX", "ADJ"):
                return "FUTURE"
            if head.tag_ == "VBD" and head.lemma_ not in (
                "plan",
                "expect",
                "schedule",
                "agree",
                "want",
                "decide",
            ):
                return "PAST"
            return "FUTURE"
        if tok.tag_ == "VB" and lowers & {"would", "could", "should", "might", "may", "must", "can"}:
            return "FUTURE" if lowers & {"should", "might", "may", "must", "can"} else None
        if tok.tag_ in ("VBG", "VBN") and lowers & {"would", "could"} and "have" not in lowers:
            return None  # "would be traveling Thursday": future in the past, the nearest one
        if tok.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "FUTURE"
        if tok.tag_ in ("VBZ", "VBP"):
            return "PRESENT"
        if tok.dep_ in ("conj", "advcl", "xcomp", "relcl", "ccomp") and tok.head is not tok:
            tok = tok.head
            continue
        return None
    return None


def _governing_verb(span: Span) -> Token | None:
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod",):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def clause_perfect(span: Span) -> Literal["PAST", "PRESENT"] | None:
    """Perfect aspect of the clause governing `span`: "had left" PAST, "has scheduled" PRESENT.

    A past perfect places its time before publication whatever the preposition ("until
    Thursday the ministry had not replied", "it had been due to lapse Friday"); a present perfect
    cannot take a definite past time in English ("*has left on Tuesday"), so a weekday in such a
    clause is a scheduled, nearby one ("has called a strike vote Thursday").
    """
    tok = _governing_verb(span)
    for _ in range(3):
        if tok is None:
            return None
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in ("had", "'d") and a.tag_ == "VBD" for a in auxes):
            return "PAST"
        if tok.tag_ == "VBN" and any(a.lower_ in ("has", "have", "'s", "'ve") for a in auxes):
            return "PRESENT"
        if tok.dep_ in ("xcomp", "acomp") or (tok.tag_ == "VB" and any(a.lower_ == "to" for a in auxes)):
            tok = tok.head if tok.head is not tok else None
            continue
        return None
    return None


_FUTURE_CUES = frozenset(DIRECTION.future_cues)
_PAST_CUES = frozenset(DIRECTION.past_cues)
_SCHEDULE_VERBS = frozenset(DIRECTION.schedule_verbs)


def _cue_tense(doc: Doc, start: int) -> Tense | None:
    """A preposition or adjective right before the expression that fixes its direction."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in ("on", "at", "as", "of", "early", "late", "soon"):
        i -= 1
    if i < 0:
        return None
    low = doc[i].lower_
    if low in _FUTURE_CUES:
        return "FUTURE"
    if low == "for" and i > 0 and doc[i - 1].lemma_.lower() in _SCHEDULE_VERBS:
        return "FUTURE"  # "planned for early March", "scheduled for Thursday"
    if low in _PAST_CUES:
        return "PAST"
    return None


_BARE_WEEKDAY = re.compile(rf"(?:on\s+)?{_WEEKDAY_RE}(?:\s+{_POD_RE})?(?:'s)?", re.I)


_BARE_MONTH = re.compile(
    rf"(?:(?:early|mid|late)[\s-]+)?{_MONTH_RE}(?:\s+\d{{1,2}})?|\d{{1,2}}\s+{_MONTH_RE}", re.I
)


def _will_clause(span: Span) -> bool:
    verb = _governing_verb(span)
    return verb is not None and any(
        c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo") for c in verb.children
    )


def _tense(doc: Doc, span: Span) -> Tense | None:
    """Direction for resolving the expression: a cue word, else the tense of the governing clause."""
    perfect = clause_perfect(span)
    if perfect == "PAST":
        return "PAST"
    cue = _cue_tense(doc, span.start)
    if cue is not None:
        return cue
    weekday = _BARE_WEEKDAY.fullmatch(span.text) is not None
    if weekday and (
        span.text.lower().endswith("'s") or (span.end < len(doc) and doc[span.end].lower_ == "'s")
    ):
        # "Thursday's proposal", "Friday's close": an event already there to refer to
        return "PAST"
    if weekday and perfect == "PRESENT":
        return None
    clause = clause_tense(span)
    if span.start > 0 and doc[span.start - 1].lower_ in ("through", "thru") and clause != "PAST":
        return "FUTURE"  # "loans through January": the end of a period still running
    root = span.root
    if (
        (weekday or _BARE_MONTH.fullmatch(span.text))
        and root.dep_ in ("compound", "nmod", "amod")
        and not (span.start <= root.head.i < span.end)
        and root.head.pos_ == "NOUN"
        and root.head.i >= span.end
        and not _will_clause(span)
    ):
        # "the June accord", "the late-November floods": a premodifier names an event that exists
        return "PAST"
    return clause
