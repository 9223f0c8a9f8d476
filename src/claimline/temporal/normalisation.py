"""`normalise`: one temporal expression's text to TIMEX3 type, value, mod and interval.

The text is cleaned, suffix modifiers ("or so", "or later") are taken off, and the ordered rules
(`rules.RULES`) read the rest. When no rule reads it, fallbacks are tried in this order: without a
prefix modifier ("early", "more than"), as a part of a period ("the first half of 1990"), without a
determiner or "last/next" (which then sets the direction), and dateparser for a full date in an odd
layout. The rule that gave the value is kept on the result (`Normalised.rule`) for debugging.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from claimline.models import TimeMod, TimeType
from claimline.temporal.arithmetic import Point, _narrow
from claimline.temporal.engine import NOT_A_TIME, Outcome
from claimline.temporal.resolve import Normalised, _clean, _Ctx
from claimline.temporal.rules import core
from claimline.temporal.vocabulary import (
    _MOD_PREFIX_RE,
    _MOD_PREFIXES,
    _MONTH_RE,
    _POINT_MODS,
    ORDINALS,
    Tense,
)


def _strip_mod(s: str) -> tuple[str, TimeMod | None]:
    m0 = re.match(r"(?:the very |the )(?=(?:early|late|mid)\b)", s)
    if m0:
        s = s[m0.end() :]
    m = _MOD_PREFIX_RE.match(s)
    if not m or m.end() >= len(s):
        return s, None
    for i, (_, mod) in enumerate(_MOD_PREFIXES):
        if m.group(f"m{i}") is not None:
            return s[m.end() :].strip(), mod
    return s, None


_SUFFIX_MODS: list[tuple[str, TimeMod]] = [
    (r"or (?:so|thereabouts)", "APPROX"),
    (r"or (?:later|after|beyond)", "ON_OR_AFTER"),
    (r"and (?:beyond|later|after)", "ON_OR_AFTER"),
    (r"or (?:earlier|before)", "ON_OR_BEFORE"),
    (r"or more", "EQUAL_OR_MORE"),
    (r"or less", "EQUAL_OR_LESS"),
    (r"at (?:the )?(?:most|latest)", "EQUAL_OR_LESS"),
    (r"at (?:the )?(?:least|earliest)", "EQUAL_OR_MORE"),
]


# a full calendar date (a 4-digit year and a month name) in a layout the rules did not read
_EXPLICIT_DATE = re.compile(rf"(?=.*\b(?:1[6-9]|20)\d\d\b).*\b{_MONTH_RE}")


@lru_cache(maxsize=1)
def _date_parser() -> Any:
    """One English dateparser instance, built on first use, that accepts only complete dates."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True, "DATE_ORDER": "MDY"},
    )


def _parse_explicit(text: str) -> date | None:
    """Fallback for explicit dates in unusual layouts ("the 10th day of April, 2025"); never guesses."""
    if len(text) > 40:
        return None
    data = _date_parser().get_date_data(text)
    found = getattr(data, "date_obj", None) if data is not None else None
    return found.date() if found is not None else None


_NOT_TEMPORAL = re.compile(r"(?:an?|one|two|three)[\s-]*quarters?|(?:an?|the) second|second|minute")
_IMPLIED_MODS: list[tuple[str, TimeMod]] = [
    (r"year[\s-]end|year's end|end of the year", "END"),
    (r"^(?:earlier|early) (?:in|during) ", "START"),
    (r"^(?:later|late) (?:in|during) ", "END"),
]
_PART_OF = re.compile(
    r"(?:the\s+)?(?:(first|second|last|latter) half|(first|last) two quarters|"
    r"(first|second|third|last) quarter) of (.+)"
)
_DETERMINER = re.compile(r"(the|a|an|last|this past|past|previous|next|this coming|coming|this)\s+(.+)")


def _named(outcome: Outcome, stage: str) -> Outcome:
    return outcome._replace(rule=f"{stage}>{outcome.rule}" if outcome.rule else stage)


def _without_prefix_mod(s: str, ctx: _Ctx, mod: TimeMod | None) -> tuple[Outcome, TimeMod | None]:
    """ "early March", "more than a year", "about the late 1990s": the rules without the modifier."""
    stripped, prefix_mod = _strip_mod(s)
    if prefix_mod is None:
        return NOT_A_TIME, mod
    outcome = core(stripped, ctx)
    if outcome.kind != "none":
        return _named(outcome, "modifier"), mod if mod is not None else prefix_mod
    stripped2, mod2 = _strip_mod(stripped)
    if mod2 is not None:
        outcome = core(stripped2, ctx)
        if outcome.kind != "none":
            return _named(outcome, "modifier"), mod2 if prefix_mod == "APPROX" else prefix_mod
    return NOT_A_TIME, mod


def _part_of(s: str, ctx: _Ctx, mod: TimeMod | None) -> tuple[Outcome, TimeMod | None]:
    """ "the first half of 1990", "the last quarter of 2024": a half or quarter of a year."""
    m = _PART_OF.fullmatch(s)
    if m is None:
        # "at least the first two quarters of 1990"
        stripped, prefix_mod = _strip_mod(s)
        m = _PART_OF.fullmatch(stripped) if prefix_mod is not None else None
        if m is not None and mod is None:
            mod = prefix_mod
    if m is None:
        return NOT_A_TIME, mod
    outcome = core(m.group(4), ctx)
    payload = outcome.payload
    half_word = m.group(1) or m.group(2)  # "the first two quarters of 1990" is its first half
    if outcome.kind == "point" and isinstance(payload, Point):
        if payload.year is not None and payload.granularity == "Y":
            if half_word:
                payload = Point(payload.year, half=1 if half_word == "first" else 2)
            else:
                payload = Point(payload.year, quarter=ORDINALS[m.group(3)])
        else:
            mod = "START" if (half_word or m.group(3)) == "first" else "END"
    return _named(outcome._replace(payload=payload), "part_of"), mod


def _without_determiner(s: str, ctx: _Ctx) -> Outcome:
    """ "the 1990s", "last weekend's": the rules without the word; "last/next" set the direction."""
    m = _DETERMINER.fullmatch(s)
    if m is None:
        return NOT_A_TIME
    word = m.group(1)
    sub_tense: Tense | None = ctx.tense
    if word in ("last", "this past", "past", "previous"):
        sub_tense = "PAST"
    elif word in ("next", "this coming", "coming"):
        sub_tense = "FUTURE"
    outcome = core(m.group(2), _Ctx(ctx.published, sub_tense, ctx.anchor))
    if outcome.kind != "point" and word not in ("the", "a", "an"):
        return NOT_A_TIME
    return _named(outcome, "determiner")


def _read(s: str, ctx: _Ctx) -> tuple[Outcome, TimeMod | None]:
    """The reading of a cleaned expression and its mod: the rules, then the fallbacks in order."""
    mod: TimeMod | None = None
    if " or so " in s:
        s, mod = s.replace(" or so ", " "), "APPROX"
    for pattern, suffix_mod in _SUFFIX_MODS:
        m = re.fullmatch(rf"(.+?),?\s+{pattern}", s)
        if m:
            s, mod = m.group(1), suffix_mod
            break
    outcome = core(s, ctx)
    if outcome.kind == "point" and mod is None:
        for pattern, implied in _IMPLIED_MODS:
            if re.search(pattern, s):
                mod = implied
                break
    if outcome.kind == "none":
        outcome, mod = _without_prefix_mod(s, ctx, mod)
    if outcome.kind == "none":
        outcome, mod = _part_of(s, ctx, mod)
    if outcome.kind == "none":
        outcome = _without_determiner(s, ctx)
    if outcome.kind == "none" and _EXPLICIT_DATE.search(s):
        parsed = _parse_explicit(s)
        if parsed is not None:
            outcome = Outcome("point", Point(parsed.year, parsed.month, parsed.day), False, "dateparser")
    return outcome, mod


def _point_result(point: Point, mod: TimeMod | None, anchored: bool, rule: str) -> Normalised:
    if mod in ("LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"):
        mod = "APPROX" if mod in ("EQUAL_OR_LESS", "LESS_THAN") and point.granularity in "YMWDQ" else mod
    typ: TimeType = "TIME" if point.granularity == "T" else "DATE"
    iv = point.interval()
    earliest = latest = None
    if iv is not None:
        earliest, latest = _narrow(iv, mod)
        if mod in ("BEFORE", "ON_OR_BEFORE"):
            earliest = None
        elif mod in ("AFTER", "ON_OR_AFTER"):
            latest = None
    return Normalised(typ, point.value(), mod, earliest, latest, point, anchored, rule)


@lru_cache(maxsize=65536)
def normalise(
    text: str,
    published: date | None,
    tense: Tense | None = None,
    anchor: Point | None = None,
) -> Normalised | None:
    """Normalise one temporal expression to TIMEX3; None if the text is not one we understand."""
    s = _clean(text)
    if not s or _NOT_TEMPORAL.fullmatch(s):
        return None
    outcome, mod = _read(s, _Ctx(published, tense, anchor))
    kind, payload = outcome.kind, outcome.payload
    if kind == "none" or payload is None:
        return None
    if kind == "ref" or kind == "set":
        assert isinstance(payload, str)
        return Normalised("DATE" if kind == "ref" else "SET", payload, None, rule=outcome.rule)
    if kind == "duration":
        assert isinstance(payload, str)
        if mod in _POINT_MODS and mod != "APPROX":
            mod = None
        return Normalised("DURATION", payload, mod, rule=outcome.rule)
    assert isinstance(payload, Point)
    return _point_result(payload, mod, outcome.anchored, outcome.rule)
