"""Normalisation rules for expressions counted from another date: year-earlier periods, the
quarter under discussion, "last/next/the following + unit", "N units ago/later", and durations."""

from __future__ import annotations

import re
from dataclasses import replace

from claimline.temporal import rules
from claimline.temporal.arithmetic import _UNKNOWN, Point, _from_date, _point_date, _shift
from claimline.temporal.engine import NOT_A_TIME, Outcome
from claimline.temporal.resolve import _Ctx, _duration_value, _quarter_point, _relative, _to_number
from claimline.temporal.vocabulary import _UNIT_RE, UNITS

# --- "the year-earlier nine months": a span of months, as "the first nine months" is

YEAR_EARLIER_MONTHS = re.compile(
    r"(?:the\s+)?(?:comparable\s+)?(?:year|a year)[\s-]+(?:earlier|ago)\s+(\w+)\s+months"
)


def year_earlier_months(m: re.Match[str], ctx: _Ctx) -> Outcome | None:
    n = _to_number(m.group(1))
    return Outcome("duration", _duration_value(n, "M")) if n is not None else None


# --- anchored "year-earlier/year-ago" periods: "the year-earlier quarter", "year-ago"

YEAR_EARLIER_PERIOD = re.compile(
    r"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(year|month|quarter)[\s-]+(?:earlier|ago)"
    r"(?:\s+(?:\w+\s+)?(period|quarter|month|year|nine months|six months))?"
)
SAME_PERIOD_LAST_YEAR = re.compile(
    r"(?:the\s+)?(?:comparable|corresponding|same) (period|quarter) (?:a year ago|last year|a year earlier)()"
)


def year_earlier_period(m: re.Match[str], ctx: _Ctx) -> Outcome:
    unit = UNITS.get(m.group(1), "Y") if m.group(1) in UNITS else "Y"
    if ctx.anchor is not None and ctx.anchor.granularity in ("Q", "M", "Y", "S", "D"):
        d = _point_date(ctx.anchor)
        if d is not None:
            gran = ctx.anchor.granularity if ctx.anchor.granularity != "S" else "Y"
            return Outcome("point", _from_date(_shift(d, unit, -1), gran), True)
    if ctx.published is not None:
        q = _quarter_point(_Ctx(ctx.published, "PAST", None), ((ctx.published.month - 1) // 3) or 4)
        d = _point_date(q)
        if d is not None:
            return Outcome("point", _from_date(_shift(d, unit, -1), "Q"))
    return Outcome("point", Point(None, unknown="XXXX-QX"))


QUARTER_A_YEAR_AGO = re.compile(r"(?:the )?(?:quarter|period) (?:a year (?:ago|earlier)|last year)")


def quarter_a_year_ago(m: re.Match[str], ctx: _Ctx) -> Outcome:
    if ctx.anchor is not None and ctx.anchor.granularity == "Q":
        d = _point_date(ctx.anchor)
        if d is not None:
            return Outcome("point", _from_date(_shift(d, "Y", -1), "Q"), True)
    return NOT_A_TIME


# --- "the quarter", "the latest quarter", "the period": the quarter in discussion

THE_QUARTER = re.compile(
    r"(?:the|that|this|its)\s+(?:latest\s+|most recent\s+|current\s+|recent\s+|same\s+)?"
    r"(?:fiscal\s+)?(quarter|period)"
)


def the_quarter(m: re.Match[str], ctx: _Ctx) -> Outcome:
    s = m.group(0)
    if (
        ctx.anchor is not None
        and ctx.anchor.granularity == "Q"
        and not re.search(r"latest|most recent|current", s)
    ):
        return Outcome("point", ctx.anchor, True)
    ref = ctx.published
    if ref is None:
        return Outcome("point", Point(None, unknown="XXXX-QX"))
    cur = (ref.month - 1) // 3 + 1
    if "current" in s or s.startswith("this"):
        return Outcome("point", Point(ref.year, quarter=cur))
    prev = cur - 1 or 4
    return Outcome("point", Point(ref.year if cur > 1 else ref.year - 1, quarter=prev))


# --- units relative to publication or to the previous date: "last week", "the following day"

RELATIVE_UNIT = re.compile(
    r"(last|this|next|the past|the last|the previous|the prior|the next|the coming|the following|"
    r"the current|the same|that|the|past|previous|coming|following|current|the latest|latest|"
    r"the preceding|the present|the very same|the same|the new|the current fiscal|the fiscal|"
    r"the full|the latest fiscal|this fiscal|last fiscal|next fiscal)\s+"
    r"(day|week|weekend|month|year|quarter|decade|century)"
)
_FROM_ANCHOR = (
    "the following",
    "the next",
    "the previous",
    "the prior",
    "the preceding",
    "following",
    "previous",
)
_RELATIVE_OFFSETS = {
    "last": -1,
    "the last": -1,
    "the past": -1,
    "past": -1,
    "next": 1,
    "the next": 1,
    "the coming": 1,
    "coming": 1,
    "last fiscal": -1,
    "next fiscal": 1,
}


def _same_as_anchor(ctx: _Ctx, which: str, unit_word: str, unit: str) -> Outcome | None:
    """ "that day", "the same week": the previous date at this unit's granularity."""
    if ctx.anchor is None:
        return None
    if (
        which in ("the", "that", "the same", "the very same")
        and unit_word == "day"
        and ctx.anchor.day is not None
    ):
        return Outcome("point", replace(ctx.anchor, pod=None, hour=None, minute=None), True)
    if which in ("that", "the same"):
        d = _point_date(ctx.anchor)
        if d is not None:
            p = _from_date(d, unit if unit != "WE" else "W")
            return Outcome("point", replace(p, weekend=unit == "WE"), True)
    return None


def _from_anchor(ctx: _Ctx, which: str, unit_word: str, unit: str) -> Outcome | None:
    """ "the next day", "the previous month": one unit off the previous date (or publication)."""
    if which in ("the next", "the following", "following") and unit_word == "day":
        return Outcome("point", *_relative(ctx, "D", 1, use_anchor=True))
    if which in ("the previous", "the prior", "the preceding", "previous") and unit_word == "day":
        return Outcome("point", *_relative(ctx, "D", -1, use_anchor=True))
    if which in _FROM_ANCHOR:
        n = 1 if which in ("the following", "the next", "following") else -1
        if which == "the next" and ctx.anchor is None:
            n = 1
        return Outcome("point", *_relative(ctx, unit, n, use_anchor=True))
    return None


def relative_unit(m: re.Match[str], ctx: _Ctx) -> Outcome:
    which, unit_word = m.group(1), m.group(2)
    unit = UNITS[unit_word]
    found = _same_as_anchor(ctx, which, unit_word, unit) or _from_anchor(ctx, which, unit_word, unit)
    if found is not None:
        return found
    if unit_word == "day" and which in ("the", "that", "this", "the same"):
        p, _ = _relative(ctx, "D", 0)
        return Outcome("point", p)
    if unit_word == "quarter":
        if which not in ("last", "next", "this", "the current"):
            return rules.core("the quarter", ctx)
        return Outcome("point", _relative(ctx, "Q", {"last": -1, "next": 1}.get(which, 0))[0])
    n = _RELATIVE_OFFSETS.get(which, 0)
    weekday = ctx.published.weekday() if ctx.published is not None else None
    if (
        unit == "WE"
        and n == 0
        and weekday is not None
        and ctx.tense != "FUTURE"
        and ((weekday < 5 and ctx.tense == "PAST") or weekday == 0)
    ):
        n = -1
    return Outcome("point", *_relative(ctx, unit, n))


# --- "the day before last tuesday", "the week after christmas": one unit off a named date

UNIT_BEFORE_DATE = re.compile(r"(?:the\s+)?(day|week|month|year)\s+(before|after)\s+(.+)")


def unit_before_date(m: re.Match[str], ctx: _Ctx) -> Outcome:
    inner = rules.core(m.group(3), ctx)
    payload = inner.payload
    if inner.kind != "point" or not isinstance(payload, Point):
        return NOT_A_TIME
    unit = UNITS[m.group(1)]
    if payload.unknown is not None or payload.year is None:
        return Outcome("point", Point(None, unknown=_UNKNOWN[unit]), False, inner.rule)
    d = _point_date(payload)
    if d is None:
        return NOT_A_TIME
    shifted = _from_date(_shift(d, unit, 1 if m.group(2) == "after" else -1), unit)
    return inner._replace(payload=shifted)


# --- "N units ago", "N units earlier/later", "N units from now"

UNITS_AGO = re.compile(
    rf"(.+?)\s+({_UNIT_RE}|weekends?)\s+"
    r"(ago|earlier|later|before|after|hence|from now|back|previously|since|prior)(?: or so)?"
)
_VAGUE_AMOUNTS = ("a few", "several", "some", "many", "a couple of", "few", "a number of")
_FORWARD = ("later", "after", "hence", "from now")


def _vague_units_ago(amount_words: str, word: str) -> Outcome:
    """ "a few years ago", "several weeks later": a reference to the past or the future."""
    if amount_words not in _VAGUE_AMOUNTS:
        return NOT_A_TIME
    if word in ("ago", "back", "previously"):
        return Outcome("ref", "PAST_REF")
    return Outcome("ref", "FUTURE_REF" if word in _FORWARD else "PAST_REF")


def _years_off_anchor(ctx: _Ctx, amount: float, sign: int, use_anchor: bool) -> Outcome | None:
    """ "a year earlier" after a quarter, month or day: the same period of that year."""
    anchor = ctx.anchor
    if anchor is None or amount != int(amount):
        return None
    if anchor.granularity == "Q" or (use_anchor and anchor.granularity in ("M", "D")):
        d = _point_date(anchor)
        if d is not None:
            return Outcome("point", _from_date(_shift(d, "Y", sign * int(amount)), anchor.granularity), True)
    return None


def units_ago(m: re.Match[str], ctx: _Ctx) -> Outcome:
    unit = UNITS[m.group(2)]
    word = m.group(3)
    amount = _to_number(m.group(1))
    if amount is None:
        return _vague_units_ago(m.group(1), word)
    sign = 1 if word in _FORWARD else -1
    use_anchor = word in ("earlier", "later", "before", "after", "prior")
    if unit in ("H", "MIN", "S"):
        k = 0 if amount < 24 or unit != "H" else int(amount // 24)
        return Outcome("point", *_relative(ctx, "D", sign * k, use_anchor=use_anchor))
    if unit == "E":
        unit, amount = "Y", amount * 10
    if unit == "C":
        unit, amount = "Y", amount * 100
    if unit == "Y":
        found = _years_off_anchor(ctx, amount, sign, use_anchor)
        if found is not None:
            return found
    if amount != int(amount):
        return NOT_A_TIME
    return Outcome(
        "point", *_relative(ctx, unit if unit != "WE" else "W", sign * int(amount), use_anchor=use_anchor)
    )


UNITS_AND_A_HALF = re.compile(rf"(an?|one|\d+|[a-z]+) ({_UNIT_RE}) and a half")


def units_and_a_half(m: re.Match[str], ctx: _Ctx) -> Outcome | None:
    n0 = _to_number(m.group(1))
    return Outcome("duration", _duration_value(n0 + 0.5, UNITS[m.group(2)])) if n0 is not None else None


# --- durations: "five years", "the past two months", "a 10-year", "the first nine months"

DURATION = re.compile(
    rf"(?:(?:the|a|an|its|their|his|her)\s+)?(?:(past|last|next|first|previous|coming|final|following|"
    rf"ensuing|latest|initial|remaining|preceding|same|full|entire|whole|additional|further|other|"
    rf"recent)\s+)?(?:(\d+(?:\s+1/2)?|[a-z]+(?:[\s-][a-z]+){{0,3}}?)\s*[\s-]\s*)?(?:(more|additional|"
    rf"straight|consecutive|full|long|trading|business|calendar|working)\s+)?({_UNIT_RE}|weekends?)"
    rf"(?:[\s-](?:long|old|period|term|span|stretch|run|time|or so|at most|or more|ahead|running))?"
)
_VAGUE_COUNTS = (
    "few",
    "several",
    "many",
    "couple of",
    "a few",
    "a couple of",
    "some",
    "a number of",
    "numerous",
)


def duration(m: re.Match[str], ctx: _Ctx) -> Outcome:
    qualifier, num_s, unit_word = m.group(1), m.group(2), m.group(4)
    unit = UNITS[unit_word]
    count: float | None
    if num_s is None:
        plural = unit_word.endswith("s") or unit_word in ("centuries", "millennia")
        if plural and unit in ("E", "C"):
            return Outcome("duration", f"PX{unit}")
        count = None if plural else 1
    elif num_s in _VAGUE_COUNTS:
        count = 2 if "couple" in num_s else None
    else:
        count = _to_number(num_s)
        if count is None:
            return NOT_A_TIME
    if (
        num_s is None
        and count == 1
        and qualifier in ("past", "last", "previous", "preceding")
        and unit in ("W", "M", "Y", "E")
    ):
        # "the past year": a date (the preceding calendar unit) in TimeML practice
        return Outcome("point", *_relative(ctx, unit, -1))
    if unit == "Q" and count is not None and count == int(count) and count > 1:
        return Outcome("duration", f"P{int(count) * 3}M")
    return Outcome("duration", _duration_value(count, unit))


A_WHILE = re.compile(r"(?:a |the )?(?:long |short |brief )?(?:while|time|period|spell)(?: of time)?")


def a_while(m: re.Match[str], ctx: _Ctx) -> Outcome:
    return Outcome("duration", "PXX")
