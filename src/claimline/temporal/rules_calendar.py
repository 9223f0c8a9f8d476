"""Normalisation rules for calendar expressions: dates, weeks of a date, decades, centuries,
quarters and halves, fiscal years, seasons and months named relative to publication."""

from __future__ import annotations

import re

from claimline.temporal import rules
from claimline.temporal.arithmetic import Point, _point_date
from claimline.temporal.engine import Outcome
from claimline.temporal.resolve import (
    _YEAR,
    _Ctx,
    _date_point,
    _quarter_point,
    _season_point,
    _year_from_text,
    _year_of,
)
from claimline.temporal.vocabulary import (
    _MONTH_RE,
    _SEASON_RE,
    DECADE_WORDS,
    MONTHS,
    ORDINAL_DAYS,
    ORDINALS,
    SEASONS,
)

ANYTHING = re.compile(r".*", re.S)


def calendar_date(m: re.Match[str], ctx: _Ctx) -> Outcome | None:
    """'18 march', 'march 18, 2025', 'march 2025', '2025-04-10', '1990' (see `_date_point`)."""
    p0 = _date_point(m.group(0), ctx)
    return Outcome("point", p0) if p0 is not None else None


WEEK_OF = re.compile(r"(?:the\s+)?(?:week|weekend) of (.+)")


def week_of(m: re.Match[str], ctx: _Ctx) -> Outcome:
    inner = rules.core(m.group(1), ctx)
    if inner.kind == "point" and isinstance(inner.payload, Point):
        d = _point_date(inner.payload)
        if d is not None:
            iso = d.isocalendar()
            weekend = m.group(0).startswith(("weekend", "the weekend"))
            return inner._replace(payload=Point(iso[0], week=iso[1], weekend=weekend))
    return inner


# --- decades and centuries

DECADE_DIGITS = re.compile(r"(?:the\s+)?(?:(\d{2})(\d)0|')?(\d)?0'?s")


def decade_digits(m: re.Match[str], ctx: _Ctx) -> Outcome | None:
    if m.group(1):
        return Outcome("point", Point(None, decade=int(m.group(1) + m.group(2))))
    if m.group(3):
        return Outcome("point", Point(None, decade=190 + int(m.group(3))))
    return None


DECADE_YEAR = re.compile(r"(?:the\s+)?(\d{4})s")


def decade_year(m: re.Match[str], ctx: _Ctx) -> Outcome:
    return Outcome("point", Point(None, decade=int(m.group(1)) // 10))


DECADE_WORD = re.compile(r"(?:the\s+)?(?:nineteen[\s-]+)?(\w+ies)")


def decade_word(m: re.Match[str], ctx: _Ctx) -> Outcome | None:
    tens = DECADE_WORDS.get(m.group(1))
    return Outcome("point", Point(None, decade=190 + tens)) if tens is not None else None


CENTURY_DIGITS = re.compile(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[\s-]+century")


def century_digits(m: re.Match[str], ctx: _Ctx) -> Outcome:
    return Outcome("point", Point(None, century=int(m.group(1)) - 1))


CENTURY_WORD = re.compile(r"(?:the\s+)?(\w+)[\s-]+century")


def century_word(m: re.Match[str], ctx: _Ctx) -> Outcome | None:
    if m.group(1) not in ORDINAL_DAYS:
        return None
    return Outcome("point", Point(None, century=ORDINAL_DAYS[m.group(1)] - 1))


THIS_CENTURY = re.compile(r"this century|the century")


def this_century(m: re.Match[str], ctx: _Ctx) -> Outcome:
    ref = ctx.published
    return Outcome("point", Point(None, century=ref.year // 100) if ref else Point(None, unknown="XX"))


# --- "Q1 2025", "2025 Q1", "H2 2024", "FY2025", "FY 25"

QUARTER_CODE = re.compile(r"(?:the\s+)?(?:(\d{4})\s+)?([qh])([1-4])(?:[\s-]+(?:of\s+)?(\d{4}|'\d{2}))?")


def quarter_code(m: re.Match[str], ctx: _Ctx) -> Outcome | None:
    if m.group(2) == "h" and m.group(3) not in "12":
        return None
    year_s = m.group(1) or m.group(4)
    year = (1900 + int(year_s[1:]) if year_s.startswith("'") else int(year_s)) if year_s else None
    n = int(m.group(3))
    if m.group(2) == "h":
        return Outcome("point", Point(year if year is not None else _year_of(ctx), half=n))
    return Outcome("point", _quarter_point(ctx, n, year))


FY_CODE = re.compile(r"fy\s*-?\s*(\d{4}|\d{2})")


def fy_code(m: re.Match[str], ctx: _Ctx) -> Outcome:
    ys = m.group(1)
    return Outcome("point", Point(int(ys) if len(ys) == 4 else 2000 + int(ys)))


# --- quarters and halves: "the third quarter", "third-quarter", "the fiscal first quarter of 1990"

ORDINAL_QUARTER = re.compile(
    r"(?:(?:the|its|this year's|last year's|next year's|a flat|the latest|the current|this)\s+)?"
    r"(?:(\d{4})\s+)?(?:fiscal[\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
    r"[\s-]+(?:fiscal[\s-]+)?(quarter|half)(?:\s+(?:of\s+)?(?:fiscal\s+)?(\d{4}))?"
)


def ordinal_quarter(m: re.Match[str], ctx: _Ctx) -> Outcome:
    s = m.group(0)
    n = ORDINALS[m.group(2)]
    year_s = m.group(1) or m.group(4)
    year = int(year_s) if year_s else None
    prefix = s.split()[0]
    if year is None and prefix in ("last", "next") and "year's" in s and ctx.published:
        year = ctx.published.year + (-1 if prefix == "last" else 1)
    if m.group(3) == "half":
        n = min(n, 2)
        if year is None:
            year = _year_of(ctx)
        return Outcome("point", Point(year, half=n))
    return Outcome("point", _quarter_point(ctx, n, year))


FISCAL_YEAR = re.compile(r"(?:the\s+)?(?:(\d{4})\s+)?(?:fiscal[\s-]+)?(?:year|fy)[\s-]*(\d{4}|'?\d{2})")
FISCAL_YEAR_WORDS = re.compile(r"fiscal[\s-]+(?:year\s+)?(\d{4})()")


def fiscal_year(m: re.Match[str], ctx: _Ctx) -> Outcome:
    ys = (m.group(2) or m.group(1)).lstrip("'")
    return Outcome("point", Point(int(ys) if len(ys) == 4 else 1900 + int(ys)))


YEARS_PERIOD = re.compile(r"(?:the|that|this)\s+(\d{4})\s+(period|quarter|year|season)")


def years_period(m: re.Match[str], ctx: _Ctx) -> Outcome:
    # "the 1988 quarter": the quarter under discussion, in that year
    if m.group(2) in ("period", "quarter") and ctx.anchor is not None and ctx.anchor.quarter is not None:
        return Outcome("point", Point(int(m.group(1)), quarter=ctx.anchor.quarter), True)
    return Outcome("point", Point(int(m.group(1))))


# --- seasons: "this spring", "last summer", "the winter of 1994", "spring 2025"

SEASON = re.compile(
    r"(?:(this|last|next|this past|this coming|the|that|past|coming)\s+)?"
    rf"({_SEASON_RE})(?:\s+(?:of\s+)?(\d{{4}}|{_YEAR}))?"
)


def season(m: re.Match[str], ctx: _Ctx) -> Outcome:
    code = SEASONS[m.group(2)]
    which = m.group(1)
    if m.group(3):
        return Outcome("point", Point(_year_from_text(m.group(3)), season=code))
    if which in ("that",) and ctx.anchor is not None and ctx.anchor.year is not None:
        return Outcome("point", Point(ctx.anchor.year, season=code), True)
    w = {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(which or "", which)
    return Outcome("point", _season_point(ctx, code, w if w in ("last", "next", "this") else None))


# --- "last march", "this september", "next june", "march last year"

RELATIVE_MONTH = re.compile(rf"(last|this|next|this past|this coming|past)\s+({_MONTH_RE})")


def relative_month(m: re.Match[str], ctx: _Ctx) -> Outcome:
    month = MONTHS[m.group(2).rstrip(".")]
    which = m.group(1)
    if ctx.published is None:
        return Outcome("point", Point(None, month))
    ref = ctx.published
    if which in ("last", "past", "this past"):
        year = ref.year if month < ref.month else ref.year - 1
    elif which in ("next", "this coming"):
        year = ref.year if month > ref.month else ref.year + 1
    else:
        year = ref.year
    return Outcome("point", Point(year, month))


MONTH_OF_RELATIVE_YEAR = re.compile(rf"({_MONTH_RE})\s+(?:of\s+)?(last|this|next) year")


def month_of_relative_year(m: re.Match[str], ctx: _Ctx) -> Outcome:
    month = MONTHS[m.group(1).rstrip(".")]
    y = _year_of(ctx)
    off = {"last": -1, "this": 0, "next": 1}[m.group(2)]
    return Outcome("point", Point(None if y is None else y + off, month))
